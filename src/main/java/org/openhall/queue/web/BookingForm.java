package org.openhall.queue.web;

import org.jspecify.annotations.Nullable;

/** The applicant's part of a booking: name, ID number, mobile. */
public class BookingForm {

    private @Nullable String name;
    private @Nullable String idNumber;
    private @Nullable String mobile;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(@Nullable String idNumber) {
        this.idNumber = idNumber;
    }

    public @Nullable String getMobile() {
        return mobile;
    }

    public void setMobile(@Nullable String mobile) {
        this.mobile = mobile;
    }
}
