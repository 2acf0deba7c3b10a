package org.openhall.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.WarningLevel;
import org.openhall.catalog.ItemType;

/**
 * A row of {@code cas_case} as the service changes it: read, changed field by field by one command, written back
 * with the optimistic {@code version} check ({@link CaseStore#update}). Package-private working state; pages and the
 * API see {@link CaseView}.
 */
final class CaseRecord implements Cloneable {

    long id;
    long centreId;
    String number = "";
    long itemId;
    long itemVersionId;
    String itemCode = "";
    String itemName = "";
    ItemType itemType = ItemType.COMMITTED;
    long departmentId;
    @Nullable Long windowId;
    @Nullable Long intakeStaffId;
    @Nullable Long handlerStaffId;
    IntakeChannel channel = IntakeChannel.WINDOW;
    CaseCommands.ApplicantKind applicantKind = CaseCommands.ApplicantKind.PERSON;
    String applicantName = "";
    @Nullable String applicantIdNumber;
    @Nullable String applicantCreditCode;
    String applicantMobile = "";
    @Nullable String applicantEmail;
    @Nullable String applicantAddress;
    boolean greenChannel;
    CaseStatus status = CaseStatus.CORRECTION_REQUIRED;
    @Nullable CaseStatus suspendedFrom;
    Instant receivedAt = Instant.EPOCH;
    @Nullable Instant clockStartedAt;
    @Nullable Instant acceptedAt;
    @Nullable Integer limitDays;
    int extensionDays;
    int suspendedDays;
    @Nullable Instant suspendedSince;
    @Nullable LocalDate dueDate;
    @Nullable LocalDate pendingMaterialsDue;
    WarningLevel warningLevel = WarningLevel.NONE;
    /**
     * Set by a command that moved the due date later and so lowered the warning: only then does {@link CaseStore#update}
     * write the warning columns, which the 电子监察 scan raises without touching the version — a command that read the
     * case before a scan never writes a stale level back (that would undo a raise and send the warning twice).
     */
    boolean warningReset;
    @Nullable Instant warningAt;
    @Nullable CaseResult result;
    @Nullable String resultReason;
    @Nullable String remedy;
    @Nullable Instant completedAt;
    @Nullable Boolean completedOnTime;
    CaseCommands.@Nullable DeliveryMethod delivery;
    @Nullable String deliveryAddress;
    @Nullable String trackingNumber;
    @Nullable Instant deliveredAt;
    @Nullable Instant archivedAt;
    int version;
    Instant createdAt = Instant.EPOCH;
    Instant updatedAt = Instant.EPOCH;
    @Nullable String rejectionReason;
    @Nullable String rejectionRedirect;
    boolean deferralSigned;
    @Nullable String extensionReason;
    @Nullable String extensionApprovedBy;
    boolean correctionLate;
    @Nullable Instant correctionIssuedAt;

    CaseCommands.Applicant applicant() {
        return new CaseCommands.Applicant(applicantKind, applicantName, applicantIdNumber, applicantCreditCode,
                applicantMobile, applicantEmail, applicantAddress);
    }

    CaseRecord copy() {
        try {
            return (CaseRecord) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state recorded in the audit trail: everything but the applicant's personal data (SEC-2, SEC-3). */
    record Snapshot(String number, String itemCode, long itemVersionId, long departmentId, @Nullable Long windowId,
            @Nullable Long intakeStaffId, @Nullable Long handlerStaffId, String channel, String applicant,
            boolean greenChannel, CaseStatus status, @Nullable CaseStatus suspendedFrom, Instant receivedAt,
            @Nullable Instant clockStartedAt, @Nullable Instant acceptedAt, @Nullable Integer limitDays, int extensionDays,
            int suspendedDays, @Nullable LocalDate dueDate, @Nullable LocalDate pendingMaterialsDue,
            WarningLevel warningLevel, @Nullable CaseResult result, @Nullable String resultReason, @Nullable String remedy,
            @Nullable Instant completedAt, @Nullable Boolean completedOnTime, @Nullable String delivery,
            @Nullable String trackingNumber, @Nullable Instant archivedAt, @Nullable String rejectionReason,
            @Nullable String extensionReason, @Nullable String extensionApprovedBy, boolean correctionLate, int version) {
    }

    Snapshot snapshot() {
        return new Snapshot(number, itemCode, itemVersionId, departmentId, windowId, intakeStaffId, handlerStaffId,
                channel.name(), org.openhall.shared.Masking.name(applicantName), greenChannel, status, suspendedFrom,
                receivedAt, clockStartedAt, acceptedAt, limitDays, extensionDays, suspendedDays, dueDate,
                pendingMaterialsDue, warningLevel, result, resultReason, remedy, completedAt, completedOnTime,
                delivery == null ? null : delivery.name(), trackingNumber, archivedAt, rejectionReason, extensionReason,
                extensionApprovedBy, correctionLate, version);
    }

    static CaseRecord map(ResultSet rs, int n) throws SQLException {
        CaseRecord c = new CaseRecord();
        c.id = rs.getLong("id");
        c.centreId = rs.getLong("centre_id");
        c.number = rs.getString("number");
        c.itemId = rs.getLong("item_id");
        c.itemVersionId = rs.getLong("item_version_id");
        c.itemCode = rs.getString("item_code");
        c.itemName = rs.getString("item_name");
        c.itemType = ItemType.valueOf(rs.getString("item_type"));
        c.departmentId = rs.getLong("department_id");
        c.windowId = longOrNull(rs, "window_id");
        c.intakeStaffId = longOrNull(rs, "intake_staff_id");
        c.handlerStaffId = longOrNull(rs, "handler_staff_id");
        c.channel = IntakeChannel.valueOf(rs.getString("channel"));
        c.applicantKind = CaseCommands.ApplicantKind.valueOf(rs.getString("applicant_kind"));
        c.applicantName = rs.getString("applicant_name");
        c.applicantIdNumber = rs.getString("applicant_id_number");
        c.applicantCreditCode = rs.getString("applicant_credit_code");
        c.applicantMobile = rs.getString("applicant_mobile");
        c.applicantEmail = rs.getString("applicant_email");
        c.applicantAddress = rs.getString("applicant_address");
        c.greenChannel = rs.getBoolean("green_channel");
        c.status = CaseStatus.valueOf(rs.getString("status"));
        String from = rs.getString("suspended_from");
        c.suspendedFrom = from == null ? null : CaseStatus.valueOf(from);
        c.receivedAt = instant(rs, "received_at");
        c.clockStartedAt = instantOrNull(rs, "clock_started_at");
        c.acceptedAt = instantOrNull(rs, "accepted_at");
        int limit = rs.getInt("limit_days");
        c.limitDays = rs.wasNull() ? null : limit;
        c.extensionDays = rs.getInt("extension_days");
        c.suspendedDays = rs.getInt("suspended_days");
        c.suspendedSince = instantOrNull(rs, "suspended_since");
        c.dueDate = dateOrNull(rs, "due_date");
        c.pendingMaterialsDue = dateOrNull(rs, "pending_materials_due");
        c.warningLevel = WarningLevel.valueOf(rs.getString("warning_level"));
        c.warningAt = instantOrNull(rs, "warning_at");
        String result = rs.getString("result");
        c.result = result == null ? null : CaseResult.valueOf(result);
        c.resultReason = rs.getString("result_reason");
        c.remedy = rs.getString("remedy");
        c.completedAt = instantOrNull(rs, "completed_at");
        boolean onTime = rs.getBoolean("completed_on_time");
        c.completedOnTime = rs.wasNull() ? null : onTime;
        String delivery = rs.getString("delivery");
        c.delivery = delivery == null ? null : CaseCommands.DeliveryMethod.valueOf(delivery);
        c.deliveryAddress = rs.getString("delivery_address");
        c.trackingNumber = rs.getString("tracking_number");
        c.deliveredAt = instantOrNull(rs, "delivered_at");
        c.archivedAt = instantOrNull(rs, "archived_at");
        c.version = rs.getInt("version");
        c.createdAt = instant(rs, "created_at");
        c.updatedAt = instant(rs, "updated_at");
        c.rejectionReason = rs.getString("rejection_reason");
        c.rejectionRedirect = rs.getString("rejection_redirect");
        c.deferralSigned = rs.getBoolean("deferral_signed");
        c.extensionReason = rs.getString("extension_reason");
        c.extensionApprovedBy = rs.getString("extension_approved_by");
        c.correctionLate = rs.getBoolean("correction_late");
        c.correctionIssuedAt = instantOrNull(rs, "correction_issued_at");
        return c;
    }

    static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static @Nullable LocalDate dateOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
