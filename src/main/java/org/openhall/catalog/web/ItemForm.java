package org.openhall.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemData;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;

/**
 * The item form (CAT-1): the fields of an item version; materials, fees and assisting departments as repeated
 * rows, procedure steps one per line. Rows left completely empty are ignored.
 */
public class ItemForm {

    private @Nullable String code;
    private @Nullable String name;
    private @Nullable Long departmentId;
    private List<Long> windowIds = new ArrayList<>();
    private @Nullable ItemType type = ItemType.COMMITTED;
    private @Nullable String legalBasis;
    private @Nullable String conditions;
    private @Nullable String outcome;
    private @Nullable String consultPhone;
    private @Nullable String steps;
    private @Nullable Integer statutoryLimitDays;
    private @Nullable Integer committedLimitDays;
    private @Nullable Integer expeditedLimitDays;
    private boolean reviewRequired;
    private boolean online;
    private boolean appointment;
    private boolean greenChannel;
    private @Nullable String changeNote;
    private List<AssistRow> assisting = new ArrayList<>();
    private List<MaterialRow> materials = new ArrayList<>();
    private List<FeeRow> fees = new ArrayList<>();

    public static class AssistRow {
        private @Nullable Long departmentId;
        private @Nullable Integer limitDays;

        public @Nullable Long getDepartmentId() { return departmentId; }
        public void setDepartmentId(@Nullable Long departmentId) { this.departmentId = departmentId; }
        public @Nullable Integer getLimitDays() { return limitDays; }
        public void setLimitDays(@Nullable Integer limitDays) { this.limitDays = limitDays; }

        boolean blank() {
            return departmentId == null && limitDays == null;
        }
    }

    public static class MaterialRow {
        private @Nullable String code;
        private @Nullable String name;
        private @Nullable MaterialRequirement requirement = MaterialRequirement.REQUIRED;
        private @Nullable String form;
        private @Nullable Integer copies = 1;
        private @Nullable String notes;
        private @Nullable String sampleFile;

        public @Nullable String getCode() { return code; }
        public void setCode(@Nullable String code) { this.code = code; }
        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable MaterialRequirement getRequirement() { return requirement; }
        public void setRequirement(@Nullable MaterialRequirement requirement) { this.requirement = requirement; }
        public @Nullable String getForm() { return form; }
        public void setForm(@Nullable String form) { this.form = form; }
        public @Nullable Integer getCopies() { return copies; }
        public void setCopies(@Nullable Integer copies) { this.copies = copies; }
        public @Nullable String getNotes() { return notes; }
        public void setNotes(@Nullable String notes) { this.notes = notes; }
        public @Nullable String getSampleFile() { return sampleFile; }
        public void setSampleFile(@Nullable String sampleFile) { this.sampleFile = sampleFile; }

        boolean blank() {
            return code == null && name == null && form == null && notes == null;
        }
    }

    public static class FeeRow {
        private @Nullable String code;
        private @Nullable String name;
        private @Nullable String amount;
        private @Nullable String basis;

        public @Nullable String getCode() { return code; }
        public void setCode(@Nullable String code) { this.code = code; }
        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable String getAmount() { return amount; }
        public void setAmount(@Nullable String amount) { this.amount = amount; }
        public @Nullable String getBasis() { return basis; }
        public void setBasis(@Nullable String basis) { this.basis = basis; }

        boolean blank() {
            return code == null && name == null && amount == null && basis == null;
        }
    }

    /** A new form with one empty row of each kind to start from. */
    static ItemForm blank() {
        ItemForm f = new ItemForm();
        f.materials.add(new MaterialRow());
        f.fees.add(new FeeRow());
        return f;
    }

    static ItemForm of(ItemData d) {
        ItemForm f = new ItemForm();
        f.code = d.code();
        f.name = d.name();
        f.departmentId = d.departmentId();
        f.windowIds = new ArrayList<>(d.windowIds());
        f.type = d.type();
        f.legalBasis = d.legalBasis();
        f.conditions = d.conditions();
        f.outcome = d.outcome();
        f.consultPhone = d.consultPhone();
        f.steps = String.join("\n", d.steps());
        f.statutoryLimitDays = d.statutoryLimitDays();
        f.committedLimitDays = d.committedLimitDays();
        f.expeditedLimitDays = d.expeditedLimitDays();
        f.reviewRequired = d.reviewRequired();
        f.online = d.online();
        f.appointment = d.appointment();
        f.greenChannel = d.greenChannel();
        for (AssistingDepartment a : d.assisting()) {
            AssistRow r = new AssistRow();
            r.departmentId = a.departmentId();
            r.limitDays = a.limitDays();
            f.assisting.add(r);
        }
        for (MaterialInfo m : d.materials()) {
            MaterialRow r = new MaterialRow();
            r.code = m.code();
            r.name = m.name();
            r.requirement = m.requirement();
            r.form = m.form();
            r.copies = m.copies();
            r.notes = m.notes();
            r.sampleFile = m.sampleFile();
            f.materials.add(r);
        }
        for (FeeInfo x : d.fees()) {
            FeeRow r = new FeeRow();
            r.code = x.code();
            r.name = x.name();
            r.amount = x.amount().toPlainString();
            r.basis = x.basis();
            f.fees.add(r);
        }
        return f;
    }

    /** Drops rows removed in the browser (gaps in the indexes) and rows left empty, so that indexes match the data. */
    void compact() {
        assisting = new ArrayList<>(assisting.stream().filter(Objects::nonNull).filter(r -> !r.blank()).toList());
        materials = new ArrayList<>(materials.stream().filter(Objects::nonNull).filter(r -> !r.blank()).toList());
        fees = new ArrayList<>(fees.stream().filter(Objects::nonNull).filter(r -> !r.blank()).toList());
        windowIds = new ArrayList<>(windowIds.stream().filter(Objects::nonNull).toList());
    }

    /** Parses a fee amount as typed (元, e.g. "10" or "10.00"); null when it is no number. */
    static @Nullable BigDecimal amount(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace("，", "").replace(",", "").replace("元", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    ItemData toData(long centreId, @Nullable String fixedCode) {
        List<AssistingDepartment> a = assisting.stream()
                .map(r -> new AssistingDepartment(r.departmentId == null ? -1 : r.departmentId,
                        r.limitDays == null ? 0 : r.limitDays))
                .toList();
        List<MaterialInfo> m = materials.stream().map(r -> new MaterialInfo(r.code == null ? "" : r.code,
                r.name == null ? "" : r.name, r.requirement, r.form, r.copies == null ? 1 : r.copies, r.notes, null)).toList();
        List<FeeInfo> fs = fees.stream().map(r -> new FeeInfo(r.code == null ? "" : r.code, r.name == null ? "" : r.name,
                amount(r.amount), r.basis)).toList();
        List<String> stepList = steps == null ? List.of()
                : java.util.Arrays.stream(steps.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String c = fixedCode != null ? fixedCode : code == null ? "" : code;
        return new ItemData(centreId, c, name == null ? "" : name, departmentId == null ? -1 : departmentId, a,
                windowIds, type, legalBasis, conditions, outcome, consultPhone, stepList,
                statutoryLimitDays == null ? -1 : statutoryLimitDays, committedLimitDays == null ? -1 : committedLimitDays,
                expeditedLimitDays, reviewRequired, fs, m, online, appointment, greenChannel);
    }

    public @Nullable String getCode() { return code; }
    public void setCode(@Nullable String code) { this.code = code; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(@Nullable Long departmentId) { this.departmentId = departmentId; }
    public List<Long> getWindowIds() { return windowIds; }
    public void setWindowIds(List<Long> windowIds) { this.windowIds = windowIds; }
    public @Nullable ItemType getType() { return type; }
    public void setType(@Nullable ItemType type) { this.type = type; }
    public @Nullable String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(@Nullable String legalBasis) { this.legalBasis = legalBasis; }
    public @Nullable String getConditions() { return conditions; }
    public void setConditions(@Nullable String conditions) { this.conditions = conditions; }
    public @Nullable String getOutcome() { return outcome; }
    public void setOutcome(@Nullable String outcome) { this.outcome = outcome; }
    public @Nullable String getConsultPhone() { return consultPhone; }
    public void setConsultPhone(@Nullable String consultPhone) { this.consultPhone = consultPhone; }
    public @Nullable String getSteps() { return steps; }
    public void setSteps(@Nullable String steps) { this.steps = steps; }
    public @Nullable Integer getStatutoryLimitDays() { return statutoryLimitDays; }
    public void setStatutoryLimitDays(@Nullable Integer v) { this.statutoryLimitDays = v; }
    public @Nullable Integer getCommittedLimitDays() { return committedLimitDays; }
    public void setCommittedLimitDays(@Nullable Integer v) { this.committedLimitDays = v; }
    public @Nullable Integer getExpeditedLimitDays() { return expeditedLimitDays; }
    public void setExpeditedLimitDays(@Nullable Integer v) { this.expeditedLimitDays = v; }
    public boolean isReviewRequired() { return reviewRequired; }
    public void setReviewRequired(boolean reviewRequired) { this.reviewRequired = reviewRequired; }
    public boolean isOnline() { return online; }
    public void setOnline(boolean online) { this.online = online; }
    public boolean isAppointment() { return appointment; }
    public void setAppointment(boolean appointment) { this.appointment = appointment; }
    public boolean isGreenChannel() { return greenChannel; }
    public void setGreenChannel(boolean greenChannel) { this.greenChannel = greenChannel; }
    public @Nullable String getChangeNote() { return changeNote; }
    public void setChangeNote(@Nullable String changeNote) { this.changeNote = changeNote; }
    public List<AssistRow> getAssisting() { return assisting; }
    public void setAssisting(List<AssistRow> assisting) { this.assisting = assisting; }
    public List<MaterialRow> getMaterials() { return materials; }
    public void setMaterials(List<MaterialRow> materials) { this.materials = materials; }
    public List<FeeRow> getFees() { return fees; }
    public void setFees(List<FeeRow> fees) { this.fees = fees; }
}
