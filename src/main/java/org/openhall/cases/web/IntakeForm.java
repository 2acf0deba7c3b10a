package org.openhall.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The intake form at the window (CASE-1, CASE-2, CASE-5a): the item, the applicant, the checklist of the
 * item's materials as found, the green channel, the 容缺 commitment, or 不予受理 with its reason.
 */
public class IntakeForm {

    /** One line of the checklist. */
    public static class Line {
        private @Nullable String code;
        private CaseCommands.@Nullable MaterialState state;
        private @Nullable String note;

        public Line() {
        }

        Line(String code, CaseCommands.MaterialState state) {
            this.code = code;
            this.state = state;
        }

        public @Nullable String getCode() { return code; }
        public void setCode(@Nullable String code) { this.code = code; }
        public CaseCommands.@Nullable MaterialState getState() { return state; }
        public void setState(CaseCommands.@Nullable MaterialState state) { this.state = state; }
        public @Nullable String getNote() { return note; }
        public void setNote(@Nullable String note) { this.note = note; }
    }

    private @Nullable String itemCode;
    private @Nullable Long windowId;
    private CaseCommands.ApplicantKind applicantKind = CaseCommands.ApplicantKind.PERSON;
    private @Nullable String applicantName;
    private @Nullable String idNumber;
    private @Nullable String creditCode;
    private @Nullable String mobile;
    private @Nullable String email;
    private @Nullable String address;
    private boolean greenChannel;
    private List<Line> materials = new ArrayList<>();
    private boolean commitmentSigned;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate supplyBy;
    private @Nullable String rejectReason;
    private @Nullable String redirectTo;

    /** A fresh form for an item: every material still to be checked is marked received, as most are. */
    static IntakeForm of(ItemVersion item, @Nullable Long windowId) {
        IntakeForm f = new IntakeForm();
        f.itemCode = item.code();
        f.windowId = windowId;
        for (MaterialInfo m : item.materials()) {
            f.materials.add(new Line(m.code(), CaseCommands.MaterialState.RECEIVED));
        }
        return f;
    }

    public @Nullable String getItemCode() { return itemCode; }
    public void setItemCode(@Nullable String itemCode) { this.itemCode = itemCode; }
    public @Nullable Long getWindowId() { return windowId; }
    public void setWindowId(@Nullable Long windowId) { this.windowId = windowId; }
    public CaseCommands.ApplicantKind getApplicantKind() { return applicantKind; }
    public void setApplicantKind(CaseCommands.@Nullable ApplicantKind applicantKind) {
        this.applicantKind = applicantKind == null ? CaseCommands.ApplicantKind.PERSON : applicantKind;
    }
    public @Nullable String getApplicantName() { return applicantName; }
    public void setApplicantName(@Nullable String applicantName) { this.applicantName = applicantName; }
    public @Nullable String getIdNumber() { return idNumber; }
    public void setIdNumber(@Nullable String idNumber) { this.idNumber = idNumber; }
    public @Nullable String getCreditCode() { return creditCode; }
    public void setCreditCode(@Nullable String creditCode) { this.creditCode = creditCode; }
    public @Nullable String getMobile() { return mobile; }
    public void setMobile(@Nullable String mobile) { this.mobile = mobile; }
    public @Nullable String getEmail() { return email; }
    public void setEmail(@Nullable String email) { this.email = email; }
    public @Nullable String getAddress() { return address; }
    public void setAddress(@Nullable String address) { this.address = address; }
    public boolean isGreenChannel() { return greenChannel; }
    public void setGreenChannel(boolean greenChannel) { this.greenChannel = greenChannel; }
    public List<Line> getMaterials() { return materials; }
    public void setMaterials(@Nullable List<Line> materials) { this.materials = materials == null ? new ArrayList<>() : materials; }
    public boolean isCommitmentSigned() { return commitmentSigned; }
    public void setCommitmentSigned(boolean commitmentSigned) { this.commitmentSigned = commitmentSigned; }
    public @Nullable LocalDate getSupplyBy() { return supplyBy; }
    public void setSupplyBy(@Nullable LocalDate supplyBy) { this.supplyBy = supplyBy; }
    public @Nullable String getRejectReason() { return rejectReason; }
    public void setRejectReason(@Nullable String rejectReason) { this.rejectReason = rejectReason; }
    public @Nullable String getRedirectTo() { return redirectTo; }
    public void setRedirectTo(@Nullable String redirectTo) { this.redirectTo = redirectTo; }
}
