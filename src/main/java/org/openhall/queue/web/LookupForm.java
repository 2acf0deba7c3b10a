package org.openhall.queue.web;

import org.jspecify.annotations.Nullable;

/** Looking up (and cancelling) a booking: its code and the mobile it was booked with. */
public class LookupForm {

    private @Nullable String code;
    private @Nullable String mobile;

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable String getMobile() {
        return mobile;
    }

    public void setMobile(@Nullable String mobile) {
        this.mobile = mobile;
    }
}
