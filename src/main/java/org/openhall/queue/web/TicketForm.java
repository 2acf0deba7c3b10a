package org.openhall.queue.web;

import org.jspecify.annotations.Nullable;

/** What every form that takes a ticket asks: the service and a mobile; never sent back in a URL. */
public class TicketForm {

    private @Nullable Long serviceId;
    private @Nullable String mobile;

    public @Nullable Long getServiceId() {
        return serviceId;
    }

    public void setServiceId(@Nullable Long serviceId) {
        this.serviceId = serviceId;
    }

    public @Nullable String getMobile() {
        return mobile;
    }

    public void setMobile(@Nullable String mobile) {
        this.mobile = mobile;
    }
}
