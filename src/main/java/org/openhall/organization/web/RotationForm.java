package org.openhall.organization.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The rotation form (轮岗, ORG-5): the new A and B holders, from when and why. */
public class RotationForm {

    private @Nullable Long postAStaffId;
    private @Nullable Long postBStaffId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate effective;
    private @Nullable String reason;

    public @Nullable Long getPostAStaffId() { return postAStaffId; }
    public void setPostAStaffId(@Nullable Long postAStaffId) { this.postAStaffId = postAStaffId; }
    public @Nullable Long getPostBStaffId() { return postBStaffId; }
    public void setPostBStaffId(@Nullable Long postBStaffId) { this.postBStaffId = postBStaffId; }
    public @Nullable LocalDate getEffective() { return effective; }
    public void setEffective(@Nullable LocalDate effective) { this.effective = effective; }
    public @Nullable String getReason() { return reason; }
    public void setReason(@Nullable String reason) { this.reason = reason; }
}
