package org.openhall.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.NoticeKind;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.WarningLevel;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.MaterialRequirement;

/**
 * A case as read by pages and the API, with full personal data: pages and the API mask it for roles
 * that do not need it (SEC-2), the progress query never shows it (CASE-6).
 *
 * <p>{@code rejectionReason} / {@code redirectTo}: why a REJECTED case was not accepted and where to go instead;
 * {@code extensionReason} / {@code extensionApprovedBy}: the approved Art. 42 extension; {@code deferralSigned}: the
 * applicant signed the 容缺 commitment; {@code correctionLate}: the first correction notice came after the Art. 32
 * period (the clock then counts from {@code receivedAt}, see {@code CaseService}); {@code correctionIssuedAt}: when
 * the first correction notice was issued.
 */
public record CaseView(long id, long centreId, String number, long itemId, long itemVersionId, String itemCode,
        String itemName, ItemType itemType, long departmentId, @Nullable Long windowId, @Nullable Long intakeStaffId,
        @Nullable Long handlerStaffId, IntakeChannel channel, CaseCommands.Applicant applicant, boolean greenChannel,
        CaseStatus status, @Nullable CaseStatus suspendedFrom, Instant receivedAt, @Nullable Instant clockStartedAt,
        @Nullable Instant acceptedAt, @Nullable Integer limitDays, int extensionDays, int suspendedDays,
        @Nullable LocalDate dueDate, @Nullable LocalDate pendingMaterialsDue, WarningLevel warningLevel,
        @Nullable CaseResult result, @Nullable String resultReason, @Nullable String remedy,
        @Nullable Instant completedAt, @Nullable Boolean completedOnTime,
        CaseCommands.@Nullable DeliveryMethod delivery, @Nullable String deliveryAddress,
        @Nullable String trackingNumber, @Nullable Instant deliveredAt, @Nullable Instant archivedAt, int version,
        List<Material> materials, List<Step> steps, List<SuspensionPeriod> suspensions, List<Notice> notices,
        @Nullable String rejectionReason, @Nullable String redirectTo, @Nullable String extensionReason,
        @Nullable String extensionApprovedBy, boolean deferralSigned, boolean correctionLate,
        @Nullable Instant correctionIssuedAt) {

    public CaseView {
        materials = List.copyOf(materials);
        steps = List.copyOf(steps);
        suspensions = List.copyOf(suspensions);
        notices = List.copyOf(notices);
    }

    /** The commands the lifecycle allows now (for pages: which actions to offer). */
    public java.util.Set<CaseLifecycle.Command> allowedCommands() {
        return CaseLifecycle.commands(status);
    }

    /** The open steps (a routed task, requested opinions). */
    public List<Step> openSteps() {
        return steps.stream().filter(s -> "OPEN".equals(s.status())).toList();
    }

    /** The same case with the applicant's ID number, credit code, mobile, e-mail and address masked (SEC-2). */
    public CaseView masked() {
        CaseCommands.Applicant a = applicant;
        CaseCommands.Applicant m = new CaseCommands.Applicant(a.kind(), a.name(),
                org.openhall.shared.Masking.idNumber(a.idNumber()), a.creditCode(),
                org.openhall.shared.Masking.mobile(a.mobile()), maskEmail(a.email()), a.address() == null ? null : "***");
        return new CaseView(id, centreId, number, itemId, itemVersionId, itemCode, itemName, itemType, departmentId,
                windowId, intakeStaffId, handlerStaffId, channel, m, greenChannel, status, suspendedFrom, receivedAt,
                clockStartedAt, acceptedAt, limitDays, extensionDays, suspendedDays, dueDate, pendingMaterialsDue,
                warningLevel, result, resultReason, remedy, completedAt, completedOnTime, delivery,
                deliveryAddress == null ? null : "***", trackingNumber, deliveredAt, archivedAt, version, materials, steps,
                suspensions, notices, rejectionReason, redirectTo, extensionReason, extensionApprovedBy, deferralSigned,
                correctionLate, correctionIssuedAt);
    }

    private static @Nullable String maskEmail(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    public record Material(String code, String name, MaterialRequirement requirement, CaseCommands.MaterialState state,
            @Nullable String note, @Nullable Instant receivedAt) {
    }

    /** A recorded step; open steps have a due date and no {@code doneAt}. */
    public record Step(long id, String kind, @Nullable Long departmentId, @Nullable Long staffId, String actor,
            @Nullable String note, @Nullable LocalDate dueDate, String status, @Nullable String outcome,
            WarningLevel warningLevel, Instant createdAt, @Nullable Instant doneAt, @Nullable String doneBy) {
    }

    public record SuspensionPeriod(long id, SuspensionReason reason, @Nullable String note, Instant startedAt,
            @Nullable Instant endedAt, String startedBy, @Nullable String endedBy) {
    }

    public record Notice(long id, NoticeKind kind, Instant issuedAt, String issuedBy) {
    }
}
