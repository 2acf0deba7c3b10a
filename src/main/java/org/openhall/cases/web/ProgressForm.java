package org.openhall.cases.web;

import org.jspecify.annotations.Nullable;

/** The progress query form (CASE-6): the case number and one of mobile or ID number (credit code). */
public class ProgressForm {

    private @Nullable String number;
    private @Nullable String mobile;
    private @Nullable String idNumber;

    public @Nullable String getNumber() {
        return number;
    }

    public void setNumber(@Nullable String number) {
        this.number = number;
    }

    public @Nullable String getMobile() {
        return mobile;
    }

    public void setMobile(@Nullable String mobile) {
        this.mobile = mobile;
    }

    public @Nullable String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(@Nullable String idNumber) {
        this.idNumber = idNumber;
    }
}
