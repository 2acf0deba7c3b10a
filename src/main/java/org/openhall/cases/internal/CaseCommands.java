package org.openhall.cases.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.SuspensionReason;

/**
 * Every change to a case (CASE-1..5a, CASE-7, CASE-9). Each command is one transaction: it checks the
 * caller's data scope, validates everything before writing (bad input → 400, wrong state → 409, and
 * nothing written), moves the case through {@code CaseLifecycle}, records the step with who and when,
 * issues the notices of the outcome, writes the audit trail and publishes the module's events.
 * Cases are addressed by their number.
 */
@org.springframework.modulith.NamedInterface("commands")
public interface CaseCommands {

    enum ApplicantKind { PERSON, ORGANIZATION }

    /** The applicant: a person (ID number) or an organisation (unified social credit code); mobile always. */
    record Applicant(ApplicantKind kind, String name, @Nullable String idNumber, @Nullable String creditCode,
            String mobile, @Nullable String email, @Nullable String address) {
    }

    /** How a material of the item's checklist was found at intake or on supplement. */
    enum MaterialState { RECEIVED, MISSING, WRONG, DEFERRED }

    /** One line of the checklist; a material of the item not listed counts as MISSING. */
    record MaterialCheck(String code, MaterialState state, @Nullable String note) {
    }

    /** 容缺受理: the applicant signed a commitment to supply the DEFERRED materials by {@code supplyBy}. */
    record Deferral(boolean commitmentSigned, LocalDate supplyBy) {
    }

    /** 不予受理: the reason and where to go instead (退件). */
    record Rejection(String reason, @Nullable String redirectTo) {
    }

    /**
     * An intake (CASE-1). The outcome follows from the checklist: every REQUIRED material received →
     * ACCEPTED; only DEFERRABLE materials DEFERRED with a signed {@link Deferral} → ACCEPTED (容缺);
     * anything else missing or wrong → CORRECTION_REQUIRED listing all of it at once; a {@link Rejection}
     * → REJECTED.
     */
    record IntakeRequest(long centreId, String itemCode, Applicant applicant, List<MaterialCheck> materials,
            IntakeChannel channel, @Nullable Long windowId, boolean greenChannel, @Nullable Deferral deferral,
            @Nullable Rejection rejection) {

        public IntakeRequest {
            materials = List.copyOf(materials);
        }
    }

    default CaseView intake(IntakeRequest request) {
        return intake(request, null);
    }

    /**
     * An intake under a number reserved earlier (an online application keeps the number it was given on
     * submission, CASE-10); {@code null} takes a fresh number (CASE-3).
     */
    CaseView intake(IntakeRequest request, @Nullable String reservedNumber);

    /** Reserves the next case number of a centre for today (CASE-3: never reused, unique under concurrency). */
    String reserveNumber(long centreId);

    /** Supplements (补正 / 容缺 materials) received; when nothing required is missing any more the case is accepted. */
    default CaseView supplement(String number, List<MaterialCheck> materials, @Nullable String note) {
        return supplement(number, materials, note, List.of());
    }

    /** A document handed in with a case (a scan of a material), PDF, JPEG or PNG, at most 5 MB. */
    record Upload(@Nullable String materialCode, String fileName, String contentType, byte[] content) {
    }

    /** Supplements with the scanned documents that came with them (optional). */
    CaseView supplement(String number, List<MaterialCheck> materials, @Nullable String note, List<Upload> documents);

    /**
     * 不予受理 of a case waiting for corrections (e.g. the supplements show it cannot be accepted here): REJECTED with
     * the reason and where to go instead; issues the REJECTION notice.
     */
    CaseView reject(String number, Rejection rejection);

    /** Route to a department and, optionally, a handler (CASE-4). */
    CaseView route(String number, long departmentId, @Nullable Long handlerStaffId, @Nullable String note);

    /** An assisting department's opinion on a joint item (联办件). */
    CaseView opinion(String number, long stepId, boolean agree, String opinion);

    /** The review step (审核把关) of a flagged item. */
    CaseView review(String number, boolean pass, String note);

    /** Stop the clock (Art. 45 or waiting for the applicant); issues the written SUSPENSION notice. */
    CaseView suspend(String number, SuspensionReason reason, @Nullable String note);

    /** Restart the clock; the due date moves by the working days the suspension covered. */
    CaseView resume(String number, @Nullable String note);

    /** An approved extension (Art. 42), notified to the applicant before the deadline. */
    CaseView extend(String number, int workingDays, String reason, String approvedBy);

    /** Decide the case (CASE-7): approve, or refuse with reason and remedy; notifies the applicant after commit. */
    CaseView complete(String number, CaseResult result, @Nullable String reason, @Nullable String remedy);

    enum DeliveryMethod { PICKUP, MAIL }

    /** Hand over the result: picked up at a window, or mailed with a tracking number. */
    CaseView deliver(String number, DeliveryMethod method, @Nullable String address, @Nullable String trackingNumber);

    /** File a COMPLETED or REJECTED case (CASE-9); an archived case is read-only. */
    CaseView archive(String number);

    /** The case with its materials, steps, suspensions and notices; data scope checked. */
    CaseView get(String number);

    /**
     * The case as the signed-in user may see it (SEC-2): the applicant's personal data masked unless the role needs
     * it (ADMIN, the centre office, the staff who received or handle the case); every full read is audited.
     */
    CaseView read(String number);

    /** The latest issued notice of a kind, as issued (PDF); data scope checked. */
    java.util.Optional<byte[]> notice(String number, org.openhall.cases.NoticeKind kind);

    /**
     * What {@link #list} returns. Every field is optional: {@code centreId} defaults to the user's centre (ADMIN: all),
     * {@code statuses} empty = any, {@code handlerStaffId} a handler's work list, {@code numberLike} part of a case
     * number; {@code limit} 1..500 (default 100).
     */
    record CaseQuery(@Nullable Long centreId, java.util.Set<CaseStatus> statuses, @Nullable Long departmentId,
            @Nullable Long handlerStaffId, @Nullable String itemCode, @Nullable String numberLike, int limit) {

        public CaseQuery {
            statuses = statuses == null ? java.util.Set.of() : java.util.Set.copyOf(statuses);
        }

        /** The open cases (待补正, 已受理, 办理中, 中止计时) of the user's scope. */
        public static CaseQuery open() {
            return new CaseQuery(null, java.util.EnumSet.of(CaseStatus.CORRECTION_REQUIRED, CaseStatus.ACCEPTED,
                    CaseStatus.PROCESSING, CaseStatus.SUSPENDED), null, null, null, null, 100);
        }

        /** A handler's work list: their open cases. */
        public static CaseQuery workList(long staffId) {
            return new CaseQuery(null, open().statuses(), null, staffId, null, null, 100);
        }
    }

    /**
     * The cases of the user's data scope matching the query, most urgent first (CASE-4 work list): red warnings, then
     * yellow, then by due date (none last), then by receipt.
     */
    List<org.openhall.cases.CaseApi.CaseSummary> list(CaseQuery query);

    /** Whether a transition is allowed from a status; see {@code CaseLifecycle}. */
    static boolean isOpen(CaseStatus status) {
        return status.open();
    }
}
