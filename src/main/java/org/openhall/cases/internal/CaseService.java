package org.openhall.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.Deadline;
import org.openhall.calendar.Suspension;
import org.openhall.cases.CaseAccepted;
import org.openhall.cases.CaseApi;
import org.openhall.cases.CaseCompleted;
import org.openhall.cases.CaseResult;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.NoticeKind;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.CaseLifecycle.Command;
import org.openhall.catalog.AssistingDepartment;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemType;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.DomainException;
import org.openhall.shared.MobileNumber;
import org.openhall.shared.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case handling (CASE-1..5a, CASE-7, CASE-9): the implementation of {@link CaseCommands} and {@link CaseApi}.
 *
 * <h2>The legal clock</h2>
 * All limits are working days of the centre's calendar (行政许可法 第八十二条); the due date is
 * {@code CalendarApi.deadline(centre, clockStartedAt, limit + extension, suspensions)} and is kept current in
 * {@code cas_case.due_date} on every change of the clock (acceptance, suspension, resumption, extension), so that the
 * warning scan is a range query. A change that moves the due date later resets the warning level to NONE (the scan
 * raises it again when due). The limit is the item's committed limit (承诺时限), or its expedited limit for a
 * green-channel case of an eligible item; an INSTANT item (即办件) is due the day it is accepted (limit 0).
 *
 * <h2>行政许可法 第三十二条: late correction notices</h2>
 * An application is <em>received</em> at {@code receivedAt}: at the window the moment of intake, online the moment
 * the applicant submitted it (when the number was reserved, CASE-10). The law allows N working days after receipt
 * ({@code openhall.cases.correction-notice-days}, default 5; the day of receipt is not counted) to tell the applicant
 * once everything to correct; otherwise the application counts as accepted from receipt. Precisely:
 * <ol>
 *   <li>Accepted within the period (directly, or after a correction notice issued within the period and the
 *       supplements that completed it): the clock starts at acceptance.</li>
 *   <li>Accepted directly, but after the period (an online application reviewed late): the clock starts at
 *       receipt.</li>
 *   <li>The first correction notice issued after the period ({@code correctionLate}): the case still waits for the
 *       materials (CORRECTION_REQUIRED: nothing can be decided on an incomplete file), but once accepted its clock
 *       counts from receipt — and the time from that late notice until the supplements completed the file is
 *       recorded as a SUPPLEMENT suspension, because waiting for the applicant never counts (CASE-5). So the days
 *       the office let pass count against it, the applicant's days do not. The receipt says so.</li>
 * </ol>
 */
@Service
class CaseService implements CaseCommands, CaseApi {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final CaseStore store;
    private final CaseNumbers numbers;
    private final CaseAccess access;
    private final CatalogApi catalog;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Notices notices;
    private final CaseRules rules;
    private final UserAccounts accounts;
    private final Clock clock;

    CaseService(CaseStore store, CaseNumbers numbers, CaseAccess access, CatalogApi catalog, OrganizationApi org,
            CalendarApi calendar, AuditTrail audit, ApplicationEventPublisher events, Notices notices, CaseRules rules,
            UserAccounts accounts, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.access = access;
        this.catalog = catalog;
        this.org = org;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.notices = notices;
        this.rules = rules;
        this.accounts = accounts;
        this.clock = clock;
    }

    // ================================================================== intake

    // the interface's default methods would call the other overload on the target, outside the transaction
    @Override
    @Transactional
    public CaseView intake(IntakeRequest request) {
        return intake(request, null);
    }

    @Override
    @Transactional
    public CaseView supplement(String number, List<MaterialCheck> materials, @Nullable String note) {
        return supplement(number, materials, note, List.of());
    }

    @Override
    @Transactional
    public CaseView intake(IntakeRequest request, @Nullable String reservedNumber) {
        access.checkIntake(request.centreId());
        CentreInfo centre = org.centre(request.centreId()).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("cases.centre.notFound", request.centreId()));
        ZoneId zone = centre.zone();
        String code = request.itemCode() == null ? "" : request.itemCode().strip();
        if (code.isEmpty()) {
            throw DomainException.invalid("itemCode", "cases.item.required");
        }
        ItemVersion item = catalog.currentItem(centre.id(), code).filter(ItemVersion::active)
                .orElseThrow(() -> DomainException.invalid("itemCode", "cases.item.unknown", code));
        Applicant applicant = checkApplicant(request.applicant());
        if (request.channel() == null) {
            throw DomainException.invalid("channel", "cases.channel.required");
        }
        if (request.windowId() != null && org.window(request.windowId())
                .filter(w -> w.centreId() == centre.id() && w.active()).isEmpty()) {
            throw DomainException.invalid("windowId", "cases.window.unknown");
        }
        Checklist checklist = Checklist.of(item.materials(), request.materials());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant receivedAt = now;
        String number = reservedNumber == null ? null : reservedNumber.strip();
        if (number != null) {
            receivedAt = store.reservationTime(number, centre.id())
                    .orElseThrow(() -> DomainException.invalid("reservedNumber", "cases.reservation.unknown", reservedNumber));
        }
        Rejection rejection = request.rejection();
        if (rejection != null) {
            if (rejection.reason() == null || rejection.reason().isBlank()) {
                throw DomainException.invalid("rejection.reason", "cases.rejection.reasonRequired");
            }
            checkLength("rejection.reason", rejection.reason(), 1000);
            checkLength("rejection.redirectTo", rejection.redirectTo(), 300);
        }
        if (request.greenChannel() && !item.greenChannel()) {
            throw DomainException.invalid("greenChannel", "cases.greenChannel.notEligible");
        }
        int limit = limitFor(item, request.greenChannel());
        CaseStatus outcome = rejection != null ? CaseStatus.REJECTED
                : checklist.complete() ? CaseStatus.ACCEPTED : CaseStatus.CORRECTION_REQUIRED;
        Deferral deferral = request.deferral();
        LocalDate pendingDue = null;
        if (rejection == null && !checklist.deferred().isEmpty()) {
            if (deferral == null || !deferral.commitmentSigned()) {
                throw DomainException.invalid("deferral", "cases.deferral.unsigned");
            }
            if (deferral.supplyBy() == null) {
                throw DomainException.invalid("deferral.supplyBy", "cases.deferral.supplyByRequired");
            }
            Instant start = lateForCorrection(centre.code(), receivedAt, now) ? receivedAt : now;
            LocalDate due = calendar.deadline(centre.code(), start, limit, List.of()).dueDate();
            if (deferral.supplyBy().isBefore(today)) {
                throw DomainException.invalid("deferral.supplyBy", "cases.deferral.inPast");
            }
            if (deferral.supplyBy().isAfter(due)) {
                throw DomainException.invalid("deferral.supplyBy", "cases.deferral.afterDeadline", Notices.date(due));
            }
            pendingDue = deferral.supplyBy();
        }
        // ---- everything checked: write
        if (number != null) {
            if (store.useReservation(number, centre.id(), now).isEmpty()) {
                throw DomainException.conflict("cases.reservation.used", number);
            }
        } else {
            number = numbers.next(centre.id(), centre.code(), zone);
        }
        Optional<CurrentUser> user = access.user();
        CaseRecord c = new CaseRecord();
        c.centreId = centre.id();
        c.number = number;
        c.itemId = item.itemId();
        c.itemVersionId = item.versionId();
        c.itemCode = item.code();
        c.itemName = item.name();
        c.itemType = item.type();
        c.departmentId = item.departmentId();
        c.windowId = request.windowId();
        c.intakeStaffId = user.map(CurrentUser::staffId).orElse(null);
        c.channel = request.channel();
        c.applicantKind = applicant.kind();
        c.applicantName = applicant.name();
        c.applicantIdNumber = applicant.idNumber();
        c.applicantCreditCode = applicant.creditCode();
        c.applicantMobile = applicant.mobile();
        c.applicantEmail = applicant.email();
        c.applicantAddress = applicant.address();
        c.greenChannel = request.greenChannel();
        c.status = outcome;
        c.receivedAt = receivedAt;
        c.limitDays = limit;
        c.pendingMaterialsDue = pendingDue;
        c.deferralSigned = pendingDue != null;
        c.createdAt = now;
        c.updatedAt = now;
        if (outcome == CaseStatus.REJECTED) {
            c.rejectionReason = Objects.requireNonNull(rejection).reason().strip();
            c.rejectionRedirect = blankToNull(rejection.redirectTo());
        } else if (outcome == CaseStatus.CORRECTION_REQUIRED) {
            c.correctionIssuedAt = now;
            c.correctionLate = lateForCorrection(centre.code(), receivedAt, now);
        } else {
            c.acceptedAt = now;
            c.clockStartedAt = lateForCorrection(centre.code(), receivedAt, now) ? receivedAt : now;
            Deadline d = calendar.deadline(centre.code(), c.clockStartedAt, limit, List.of());
            c.dueDate = d.dueDate();
        }
        c.id = store.insert(c);
        for (Checklist.Line line : checklist.lines()) {
            store.insertMaterial(c.id, c.centreId, line.material().code(), line.material().name(),
                    line.material().requirement(), line.state(), line.note(),
                    line.state() == MaterialState.RECEIVED ? now : null);
        }
        String actor = access.actor();
        store.insertStep(c.id, c.centreId, StepKind.RECEIVE, c.departmentId, c.intakeStaffId, actor,
                c.channel == IntakeChannel.ONLINE ? notices.t("cases.step.onlineReview") : null, null, false,
                null, now);
        switch (outcome) {
            case REJECTED -> {
                store.insertStep(c.id, c.centreId, StepKind.REJECT, c.departmentId, c.intakeStaffId, actor,
                        c.rejectionReason, null, false, null, now);
                notices.issue(c, NoticeKind.REJECTION, zone, Notices.Extra.NONE);
            }
            case CORRECTION_REQUIRED -> {
                store.insertStep(c.id, c.centreId, StepKind.CORRECTION, c.departmentId, c.intakeStaffId, actor,
                        correctionSummary(checklist), null, false, c.correctionLate ? "LATE" : null, now);
                notices.issue(c, NoticeKind.CORRECTION, zone, Notices.Extra.NONE);
            }
            default -> acceptedWrites(c, item, centre, actor, now);
        }
        audit.record(c.centreId, "Case", c.number, "INTAKE_" + outcome.name(), null, c.snapshot());
        return view(c);
    }

    /** Steps, notices and the event of an acceptance (at intake or after the supplements). */
    private void acceptedWrites(CaseRecord c, ItemVersion item, CentreInfo centre, String actor, Instant now) {
        store.insertStep(c.id, c.centreId, StepKind.ACCEPT, c.departmentId, c.intakeStaffId, actor,
                c.clockStartedAt != null && c.clockStartedAt.isBefore(now) ? notices.t("cases.step.clockFromReceipt") : null,
                c.dueDate, false, null, now);
        if (item.type() == ItemType.JOINT) {
            for (AssistingDepartment a : item.assisting()) {
                LocalDate due = calendar.deadline(centre.code(), Objects.requireNonNull(c.clockStartedAt), a.limitDays(),
                        suspensions(c, now)).dueDate();
                store.insertStep(c.id, c.centreId, StepKind.OPINION, a.departmentId(), null, actor,
                        null, due, true, null, now);
            }
        }
        notices.issue(c, NoticeKind.RECEIPT, centre.zone(), Notices.Extra.NONE);
        if (c.pendingMaterialsDue != null) {
            notices.issue(c, NoticeKind.DEFERRAL, centre.zone(), Notices.Extra.NONE);
        }
        events.publishEvent(new CaseAccepted(c.id, c.centreId, c.number, c.itemCode, c.departmentId, c.windowId,
                c.intakeStaffId, Objects.requireNonNull(c.acceptedAt), c.dueDate));
    }

    private String correctionSummary(Checklist checklist) {
        return checklist.toCorrect().stream().map(l -> l.material().name()).collect(Collectors.joining("、"));
    }

    /** 行政许可法 第三十二条: whether {@code at} is later than the configured working days after receipt. */
    boolean lateForCorrection(String centreCode, Instant receivedAt, Instant at) {
        ZoneId zone = calendar.zone(centreCode);
        return calendar.workingDaysBetween(centreCode, LocalDate.ofInstant(receivedAt, zone),
                LocalDate.ofInstant(at, zone)) > rules.correctionNoticeDays();
    }

    /** The limit in working days: 0 for an instant item, the expedited limit on the green channel, else the committed one. */
    int limitFor(ItemVersion item, boolean greenChannel) {
        if (item.type() == ItemType.INSTANT && rules.instantSameDay()) {
            return 0;
        }
        if (greenChannel && item.greenChannel() && item.expeditedLimitDays() != null) {
            return Math.min(item.expeditedLimitDays(), item.committedLimitDays());
        }
        return item.committedLimitDays();
    }

    private Applicant checkApplicant(@Nullable Applicant a) {
        if (a == null) {
            throw DomainException.invalid("applicant", "cases.applicant.required");
        }
        if (a.kind() == null) {
            throw DomainException.invalid("applicant.kind", "cases.applicant.kindRequired");
        }
        if (a.name() == null || a.name().isBlank()) {
            throw DomainException.invalid("applicant.name", "cases.applicant.nameRequired");
        }
        checkLength("applicant.name", a.name(), 100);
        String id = blankToNull(a.idNumber());
        String credit = blankToNull(a.creditCode());
        if (a.kind() == ApplicantKind.PERSON && id == null) {
            throw DomainException.invalid("applicant.idNumber", "cases.applicant.idRequired");
        }
        if (id != null) {
            Optional<String> err = ChineseIdNumber.validationError(id);
            if (err.isPresent()) {
                throw DomainException.invalid("applicant.idNumber", err.get());
            }
            id = ChineseIdNumber.of(id).value();
        }
        if (a.kind() == ApplicantKind.ORGANIZATION && credit == null) {
            throw DomainException.invalid("applicant.creditCode", "cases.applicant.creditCodeRequired");
        }
        if (credit != null) {
            Optional<String> err = UnifiedSocialCreditCode.validationError(credit);
            if (err.isPresent()) {
                throw DomainException.invalid("applicant.creditCode", err.get());
            }
            credit = UnifiedSocialCreditCode.of(credit).value();
        }
        Optional<String> mobileErr = MobileNumber.validationError(a.mobile());
        if (mobileErr.isPresent()) {
            throw DomainException.invalid("applicant.mobile", mobileErr.get());
        }
        String email = blankToNull(a.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw DomainException.invalid("applicant.email", "cases.applicant.emailInvalid");
        }
        checkLength("applicant.address", a.address(), 300);
        return new Applicant(a.kind(), a.name().strip(), id, credit, MobileNumber.of(a.mobile()).value(), email,
                blankToNull(a.address()));
    }

    @Override
    public String reserveNumber(long centreId) {
        CentreInfo centre = org.centre(centreId).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("cases.centre.notFound", centreId));
        // the applicant submitting online is not signed in; a signed-in user reserves only in their own centre
        access.signedIn().ifPresent(u -> {
            if (!u.canSeeCentre(centreId)) {
                throw DomainException.notFound("cases.centre.notFound", centreId);
            }
        });
        return numbers.reserve(centre.id(), centre.code(), centre.zone());
    }

    // ================================================================== supplements and rejection

    @Override
    @Transactional
    public CaseView supplement(String number, List<MaterialCheck> materials, @Nullable String note,
            List<Upload> documents) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.SUPPLEMENT);
        CaseRecord before = c.copy();
        checkLength("note", note, 1000);
        checkUploads(documents == null ? List.of() : documents);
        if (materials == null || materials.isEmpty()) {
            throw DomainException.invalid("materials", "cases.supplement.empty");
        }
        List<CaseStore.MaterialRow> rows = store.materials(c.id);
        Map<String, CaseStore.MaterialRow> byCode = rows.stream()
                .collect(Collectors.toMap(CaseStore.MaterialRow::code, r -> r));
        Set<String> unknown = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (MaterialCheck m : materials) {
            String code = m.code() == null ? "" : m.code().strip();
            if (!byCode.containsKey(code)) {
                unknown.add(code);
            } else if (!seen.add(code)) {
                throw DomainException.invalid("materials", "cases.materials.twice", code);
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("materials", "cases.materials.unknown", String.join("、", unknown));
        }
        boolean correcting = c.status == CaseStatus.CORRECTION_REQUIRED;
        for (MaterialCheck m : materials) {
            CaseStore.MaterialRow row = byCode.get(m.code().strip());
            if (m.state() == MaterialState.RECEIVED) {
                if (row.state() == MaterialState.RECEIVED) {
                    throw DomainException.invalid("materials", "cases.supplement.alreadyReceived", row.name());
                }
            } else if (m.state() == MaterialState.WRONG && correcting) {
                if (m.note() == null || m.note().isBlank()) {
                    throw DomainException.invalid("materials", "cases.materials.wrongNeedsNote", row.code() + " " + row.name());
                }
                checkLength("materials", m.note(), 500);
            } else {
                throw DomainException.invalid("materials", "cases.supplement.state", row.name());
            }
        }
        Instant now = clock.instant();
        CentreInfo centre = centre(c);
        for (MaterialCheck m : materials) {
            CaseStore.MaterialRow row = byCode.get(m.code().strip());
            boolean received = m.state() == MaterialState.RECEIVED;
            store.updateMaterial(row.id(), m.state(), received ? blankToNull(m.note()) : m.note().strip(),
                    received ? now : null);
        }
        for (Upload u : documents == null ? List.<Upload>of() : documents) {
            store.insertDocument(c.id, c.centreId, blankToNull(u.materialCode()), u.fileName().strip(), u.contentType(),
                    u.content(), now, access.actor());
        }
        List<CaseStore.MaterialRow> after = store.materials(c.id);
        boolean needsCorrection = after.stream().anyMatch(r -> r.requirement() != MaterialRequirement.OPTIONAL
                && (r.state() == MaterialState.MISSING || r.state() == MaterialState.WRONG));
        boolean deferredLeft = after.stream().anyMatch(r -> r.state() == MaterialState.DEFERRED);
        String actor = access.actor();
        c.updatedAt = now;
        store.insertStep(c.id, c.centreId, StepKind.SUPPLEMENT, c.departmentId, staffId(), actor,
                supplementNote(materials, byCode, note), null, false, null, now);
        boolean accepted = false;
        if (correcting) {
            if (!needsCorrection) {
                CaseLifecycle.transition(c.status, Command.SUPPLEMENT, CaseStatus.ACCEPTED);
                c.status = CaseStatus.ACCEPTED;
                c.acceptedAt = now;
                if (c.correctionLate) {
                    // Art. 32: counts from receipt; the applicant's time to supplement does not count (CASE-5)
                    c.clockStartedAt = c.receivedAt;
                    store.insertSuspension(c.id, c.centreId, SuspensionReason.SUPPLEMENT,
                            notices.t("cases.suspension.art32Note"), Objects.requireNonNull(c.correctionIssuedAt), now, actor);
                } else {
                    c.clockStartedAt = now;
                }
                recompute(c, centre, now);
                accepted = true;
            }
        } else if (!deferredLeft) {
            c.pendingMaterialsDue = null;
        }
        boolean resumed = false;
        if (c.status == CaseStatus.SUSPENDED && !needsCorrection && !deferredLeft) {
            Optional<CaseView.SuspensionPeriod> open = openSuspension(c);
            if (open.isPresent() && open.get().reason() == SuspensionReason.SUPPLEMENT) {
                resumeWrites(c, centre, open.get(), actor, now, notices.t("cases.step.resumedOnSupplement"));
                resumed = true;
            }
        }
        store.update(c);
        if (accepted) {
            acceptedWrites(c, item(c), centre, actor, now);
        } else if (correcting) {
            notices.issue(c, NoticeKind.CORRECTION, centre.zone(), Notices.Extra.NONE);
        }
        audit.record(c.centreId, "Case", c.number, accepted ? "SUPPLEMENT_ACCEPT" : resumed ? "SUPPLEMENT_RESUME"
                : "SUPPLEMENT", before.snapshot(), c.snapshot());
        return view(c);
    }

    private String supplementNote(List<MaterialCheck> materials, Map<String, CaseStore.MaterialRow> byCode,
            @Nullable String note) {
        String names = materials.stream().map(m -> byCode.get(m.code().strip()).name()
                + (m.state() == MaterialState.WRONG ? "（" + notices.t("cases.materialState.WRONG") + "）" : ""))
                .collect(Collectors.joining("、"));
        String text = note == null || note.isBlank() ? names : names + "；" + note.strip();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    static final Set<String> UPLOAD_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private static void checkUploads(List<Upload> documents) {
        if (documents.size() > 20) {
            throw DomainException.invalid("documents", "cases.upload.tooMany", 20);
        }
        for (Upload u : documents) {
            if (u.fileName() == null || u.fileName().isBlank() || u.fileName().length() > 200) {
                throw DomainException.invalid("documents", "cases.upload.name");
            }
            if (u.content() == null || u.content().length == 0 || u.content().length > MAX_UPLOAD_BYTES) {
                throw DomainException.invalid("documents", "cases.upload.size", u.fileName());
            }
            if (u.contentType() == null || !UPLOAD_TYPES.contains(u.contentType())) {
                throw DomainException.invalid("documents", "cases.upload.type", u.fileName());
            }
        }
    }

    @Override
    @Transactional
    public CaseView reject(String number, Rejection rejection) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.REJECT);
        if (rejection == null || rejection.reason() == null || rejection.reason().isBlank()) {
            throw DomainException.invalid("rejection.reason", "cases.rejection.reasonRequired");
        }
        checkLength("rejection.reason", rejection.reason(), 1000);
        checkLength("rejection.redirectTo", rejection.redirectTo(), 300);
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        c.status = CaseLifecycle.transition(c.status, Command.REJECT, CaseStatus.REJECTED);
        c.rejectionReason = rejection.reason().strip();
        c.rejectionRedirect = blankToNull(rejection.redirectTo());
        c.updatedAt = now;
        store.update(c);
        store.insertStep(c.id, c.centreId, StepKind.REJECT, c.departmentId, staffId(), access.actor(), c.rejectionReason,
                null, false, null, now);
        notices.issue(c, NoticeKind.REJECTION, centre(c).zone(), Notices.Extra.NONE);
        audit.record(c.centreId, "Case", c.number, "REJECT", before.snapshot(), c.snapshot());
        return view(c);
    }

    // ================================================================== processing

    @Override
    @Transactional
    public CaseView route(String number, long departmentId, @Nullable Long handlerStaffId, @Nullable String note) {
        CaseRecord c = load(number);
        access.checkRoute(c);
        CaseLifecycle.check(c.status, Command.ROUTE);
        checkLength("note", note, 1000);
        DepartmentInfo dept = org.department(departmentId).filter(d -> d.centreId() == c.centreId && d.active())
                .orElseThrow(() -> DomainException.invalid("departmentId", "cases.route.departmentUnknown"));
        if (handlerStaffId != null) {
            StaffSummary handler = org.staff(handlerStaffId).filter(StaffSummary::active)
                    .orElseThrow(() -> DomainException.invalid("handlerStaffId", "cases.route.handlerUnknown"));
            if (handler.departmentId() != dept.id()) {
                throw DomainException.invalid("handlerStaffId", "cases.route.handlerNotInDepartment", handler.name(),
                        dept.name());
            }
        }
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        String actor = access.actor();
        c.status = CaseLifecycle.transition(c.status, Command.ROUTE, CaseStatus.PROCESSING);
        c.departmentId = dept.id();
        c.handlerStaffId = handlerStaffId;
        c.updatedAt = now;
        store.update(c);
        closeOpen(c, StepKind.HANDLE, actor, "REROUTED", now);
        store.insertStep(c.id, c.centreId, StepKind.ROUTE, dept.id(), handlerStaffId, actor, blankToNull(note), null,
                false, null, now);
        store.insertStep(c.id, c.centreId, StepKind.HANDLE, dept.id(), handlerStaffId, actor, null, c.dueDate, true,
                null, now);
        audit.record(c.centreId, "Case", c.number, "ROUTE", before.snapshot(), c.snapshot());
        return view(c);
    }

    @Override
    @Transactional
    public CaseView opinion(String number, long stepId, boolean agree, String opinion) {
        CaseRecord c = load(number);
        CaseView.Step step = store.steps(c.id).stream().filter(s -> s.id() == stepId && "OPINION".equals(s.kind()))
                .findFirst().orElseThrow(() -> {
                    access.checkSee(c);
                    return DomainException.notFound("cases.opinion.notFound", stepId);
                });
        access.checkOpinion(c, step.departmentId() == null ? -1 : step.departmentId());
        CaseLifecycle.check(c.status, Command.OPINION);
        if (!"OPEN".equals(step.status())) {
            throw DomainException.conflict("cases.opinion.given");
        }
        if (opinion == null || opinion.isBlank()) {
            throw DomainException.invalid("opinion", "cases.opinion.required");
        }
        checkLength("opinion", opinion, 1000);
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        c.updatedAt = now;
        store.update(c);
        if (!store.closeStep(stepId, access.actor(), agree ? "AGREE" : "DISAGREE", opinion.strip(), now)) {
            throw DomainException.conflict("cases.opinion.given");
        }
        audit.record(c.centreId, "Case", c.number, "OPINION", before.snapshot(),
                Map.of("case", c.snapshot(), "step", stepId, "agree", agree));
        return view(c);
    }

    @Override
    @Transactional
    public CaseView review(String number, boolean pass, String note) {
        CaseRecord c = load(number);
        access.checkReview(c);
        CaseLifecycle.check(c.status, Command.REVIEW);
        if (!pass && (note == null || note.isBlank())) {
            throw DomainException.invalid("note", "cases.review.noteRequired");
        }
        checkLength("note", note, 1000);
        Long me = staffId();
        if (me != null && me.equals(c.handlerStaffId)) {
            throw DomainException.conflict("cases.review.self");
        }
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        c.updatedAt = now;
        store.update(c);
        store.insertStep(c.id, c.centreId, StepKind.REVIEW, c.departmentId, me, access.actor(), blankToNull(note), null,
                false, pass ? "PASS" : "FAIL", now);
        audit.record(c.centreId, "Case", c.number, pass ? "REVIEW_PASS" : "REVIEW_FAIL", before.snapshot(), c.snapshot());
        return view(c);
    }

    // ================================================================== the clock

    @Override
    @Transactional
    public CaseView suspend(String number, SuspensionReason reason, @Nullable String note) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.SUSPEND);
        if (reason == null) {
            throw DomainException.invalid("reason", "cases.suspend.reasonRequired");
        }
        checkLength("note", note, 500);
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        String actor = access.actor();
        c.suspendedFrom = c.status;
        c.status = CaseLifecycle.transition(c.status, Command.SUSPEND, CaseStatus.SUSPENDED);
        c.suspendedSince = now;
        c.updatedAt = now;
        store.update(c);
        store.insertSuspension(c.id, c.centreId, reason, blankToNull(note), now, null, actor);
        store.insertStep(c.id, c.centreId, StepKind.SUSPEND, c.departmentId, staffId(), actor, blankToNull(note), null,
                false, reason.name(), now);
        // Art. 45: the applicant is told in writing that this time does not count
        notices.issue(c, NoticeKind.SUSPENSION, centre(c).zone(), new Notices.Extra(reason, blankToNull(note)));
        audit.record(c.centreId, "Case", c.number, "SUSPEND", before.snapshot(), c.snapshot());
        return view(c);
    }

    @Override
    @Transactional
    public CaseView resume(String number, @Nullable String note) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.RESUME);
        checkLength("note", note, 1000);
        CaseView.SuspensionPeriod open = openSuspension(c)
                .orElseThrow(() -> DomainException.conflict("cases.lifecycle.notSuspended"));
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        resumeWrites(c, centre(c), open, access.actor(), now, blankToNull(note));
        store.update(c);
        audit.record(c.centreId, "Case", c.number, "RESUME", before.snapshot(), c.snapshot());
        return view(c);
    }

    private void resumeWrites(CaseRecord c, CentreInfo centre, CaseView.SuspensionPeriod open, String actor, Instant now,
            @Nullable String note) {
        CaseStatus back = c.suspendedFrom == null ? CaseStatus.ACCEPTED : c.suspendedFrom;
        store.endSuspension(open.id(), now, actor);
        c.status = CaseLifecycle.transition(c.status, Command.RESUME, back);
        c.suspendedFrom = null;
        c.suspendedSince = null;
        c.updatedAt = now;
        recompute(c, centre, now);
        store.insertStep(c.id, c.centreId, StepKind.RESUME, c.departmentId, staffId(), actor, note, c.dueDate, false,
                open.reason().name(), now);
    }

    @Override
    @Transactional
    public CaseView extend(String number, int workingDays, String reason, String approvedBy) {
        CaseRecord c = load(number);
        access.checkExtend(c);
        CaseLifecycle.check(c.status, Command.EXTEND);
        long extensions = store.steps(c.id).stream().filter(st -> "EXTEND".equals(st.kind())).count();
        if (extensions >= rules.maxExtensions()) {
            throw DomainException.conflict("cases.extend.once");
        }
        if (workingDays < 1 || c.extensionDays + workingDays > rules.maxExtensionDays()) {
            throw DomainException.invalid("workingDays", "cases.extend.days", rules.maxExtensionDays());
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "cases.extend.reasonRequired");
        }
        checkLength("reason", reason, 500);
        String approver = approvedBy == null ? "" : approvedBy.strip();
        Optional<UserAccounts.Account> account = approver.isEmpty() ? Optional.empty() : accounts.findByUsername(approver);
        if (account.isEmpty() || !account.get().enabled()
                || !(account.get().roles().contains(Role.LEADER) || account.get().roles().contains(Role.CENTRE_OFFICE))
                || !Long.valueOf(c.centreId).equals(account.get().centreId())) {
            throw DomainException.invalid("approvedBy", "cases.extend.approver");
        }
        CentreInfo centre = centre(c);
        Instant now = clock.instant();
        if (c.dueDate != null && LocalDate.ofInstant(now, centre.zone()).isAfter(c.dueDate)) {
            throw DomainException.conflict("cases.extend.tooLate", Notices.date(c.dueDate));
        }
        CaseRecord before = c.copy();
        c.extensionDays += workingDays;
        c.extensionReason = reason.strip();
        c.extensionApprovedBy = approver;
        c.updatedAt = now;
        recompute(c, centre, now);
        store.update(c);
        store.insertStep(c.id, c.centreId, StepKind.EXTEND, c.departmentId, staffId(), access.actor(),
                c.extensionReason + "（" + approver + "）", c.dueDate, false, Integer.toString(workingDays), now);
        notices.issue(c, NoticeKind.EXTENSION, centre.zone(), Notices.Extra.NONE);
        audit.record(c.centreId, "Case", c.number, "EXTEND", before.snapshot(), c.snapshot());
        return view(c);
    }

    /**
     * Recomputes the due date from the clock start, the limit plus extension and every suspension (the running one up
     * to now), the suspended working days, and the due dates of the open steps; a later due date clears warnings.
     */
    private void recompute(CaseRecord c, CentreInfo centre, Instant now) {
        if (c.clockStartedAt == null || c.limitDays == null) {
            return;
        }
        List<Suspension> suspensions = suspensions(c, now);
        Deadline d = calendar.deadline(centre.code(), c.clockStartedAt, c.limitDays + c.extensionDays, suspensions);
        LocalDate old = c.dueDate;
        c.dueDate = d.dueDate();
        c.suspendedDays = d.suspendedWorkingDays();
        if (old != null && c.dueDate.isAfter(old)) {
            c.warningLevel = WarningLevel.NONE;
            c.warningAt = null;
            c.warningReset = true;
        }
        Map<Long, Integer> opinionLimits = item(c).assisting().stream()
                .collect(Collectors.toMap(AssistingDepartment::departmentId, AssistingDepartment::limitDays, (a, b) -> a));
        for (CaseView.Step s : store.steps(c.id)) {
            if (!"OPEN".equals(s.status()) || s.dueDate() == null) {
                continue;
            }
            LocalDate due = null;
            if ("HANDLE".equals(s.kind())) {
                due = c.dueDate;
            } else if ("OPINION".equals(s.kind()) && s.departmentId() != null && opinionLimits.containsKey(s.departmentId())) {
                due = calendar.deadline(centre.code(), c.clockStartedAt, opinionLimits.get(s.departmentId()), suspensions)
                        .dueDate();
            }
            if (due != null && !due.equals(s.dueDate())) {
                store.moveStepDue(s.id(), due, due.isAfter(s.dueDate()));
            }
        }
    }

    private List<Suspension> suspensions(CaseRecord c, Instant now) {
        List<Suspension> list = new ArrayList<>();
        for (CaseView.SuspensionPeriod p : store.suspensions(c.id)) {
            Instant end = p.endedAt() == null ? now : p.endedAt();
            if (!end.isBefore(p.startedAt())) {
                list.add(new Suspension(p.startedAt(), end));
            }
        }
        return list;
    }

    private Optional<CaseView.SuspensionPeriod> openSuspension(CaseRecord c) {
        return store.suspensions(c.id).stream().filter(p -> p.endedAt() == null).reduce((a, b) -> b);
    }

    // ================================================================== result, delivery, archive

    @Override
    @Transactional
    public CaseView complete(String number, CaseResult result, @Nullable String reason, @Nullable String remedy) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.COMPLETE);
        if (result == null) {
            throw DomainException.invalid("result", "cases.complete.resultRequired");
        }
        if (result == CaseResult.REFUSED && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "cases.complete.reasonRequired");
        }
        if (result == CaseResult.REFUSED && (remedy == null || remedy.isBlank())) {
            throw DomainException.invalid("remedy", "cases.complete.remedyRequired");
        }
        checkLength("reason", reason, 1000);
        checkLength("remedy", remedy, 1000);
        List<CaseView.Step> steps = store.steps(c.id);
        List<String> openOpinions = steps.stream().filter(s -> "OPINION".equals(s.kind()) && "OPEN".equals(s.status()))
                .map(s -> s.departmentId() == null ? "?" : org.department(s.departmentId()).map(DepartmentInfo::name)
                        .orElse(String.valueOf(s.departmentId())))
                .toList();
        if (!openOpinions.isEmpty()) {
            throw DomainException.conflict("cases.complete.openOpinion", String.join("、", openOpinions));
        }
        if (item(c).reviewRequired()) {
            Optional<CaseView.Step> lastReview = steps.stream().filter(s -> "REVIEW".equals(s.kind())).reduce((a, b) -> b);
            if (lastReview.isEmpty() || !"PASS".equals(lastReview.get().outcome())) {
                throw DomainException.conflict("cases.complete.reviewMissing");
            }
        }
        if (result == CaseResult.APPROVED && store.materials(c.id).stream().anyMatch(m -> m.state() == MaterialState.DEFERRED)) {
            throw DomainException.conflict("cases.complete.deferredPending");
        }
        CentreInfo centre = centre(c);
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        String actor = access.actor();
        c.status = CaseLifecycle.transition(c.status, Command.COMPLETE, CaseStatus.COMPLETED);
        c.result = result;
        c.resultReason = blankToNull(reason);
        c.remedy = blankToNull(remedy);
        c.completedAt = now;
        c.completedOnTime = c.dueDate == null || !LocalDate.ofInstant(now, centre.zone()).isAfter(c.dueDate);
        c.updatedAt = now;
        store.update(c);
        closeOpen(c, StepKind.HANDLE, actor, "DONE", now);
        store.insertStep(c.id, c.centreId, StepKind.DECISION, c.departmentId, staffId(), actor, c.resultReason, null,
                false, result.name(), now);
        notices.issue(c, NoticeKind.DECISION, centre.zone(), Notices.Extra.NONE);
        audit.record(c.centreId, "Case", c.number, "COMPLETE", before.snapshot(), c.snapshot());
        events.publishEvent(new CaseCompleted(c.id, c.centreId, c.number, c.itemCode, c.departmentId, c.windowId,
                c.handlerStaffId, result, now, Boolean.TRUE.equals(c.completedOnTime)));
        return view(c);
    }

    @Override
    @Transactional
    public CaseView deliver(String number, DeliveryMethod method, @Nullable String address, @Nullable String trackingNumber) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.DELIVER);
        if (c.delivery != null) {
            throw DomainException.conflict("cases.deliver.already");
        }
        if (method == null) {
            throw DomainException.invalid("method", "cases.deliver.methodRequired");
        }
        String addr = null;
        String tracking = null;
        if (method == DeliveryMethod.MAIL) {
            addr = blankToNull(address) != null ? address.strip() : c.applicantAddress;
            if (addr == null) {
                throw DomainException.invalid("address", "cases.deliver.addressRequired");
            }
            checkLength("address", addr, 300);
            tracking = blankToNull(trackingNumber);
            if (tracking == null) {
                throw DomainException.invalid("trackingNumber", "cases.deliver.trackingRequired");
            }
            if (tracking.length() > 64 || !tracking.matches("[A-Za-z0-9-]+")) {
                throw DomainException.invalid("trackingNumber", "cases.deliver.trackingInvalid");
            }
        }
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        c.delivery = method;
        c.deliveryAddress = addr;
        c.trackingNumber = tracking;
        c.deliveredAt = now;
        c.updatedAt = now;
        store.update(c);
        store.insertStep(c.id, c.centreId, StepKind.DELIVER, c.departmentId, staffId(), access.actor(), tracking, null,
                false, method.name(), now);
        audit.record(c.centreId, "Case", c.number, "DELIVER", before.snapshot(), c.snapshot());
        return view(c);
    }

    @Override
    @Transactional
    public CaseView archive(String number) {
        CaseRecord c = load(number);
        access.checkAct(c);
        CaseLifecycle.check(c.status, Command.ARCHIVE);
        CaseRecord before = c.copy();
        Instant now = clock.instant();
        c.status = CaseLifecycle.transition(c.status, Command.ARCHIVE, CaseStatus.ARCHIVED);
        c.archivedAt = now;
        c.updatedAt = now;
        store.update(c);
        store.insertStep(c.id, c.centreId, StepKind.ARCHIVE, c.departmentId, staffId(), access.actor(), null, null,
                false, null, now);
        audit.record(c.centreId, "Case", c.number, "ARCHIVE", before.snapshot(), c.snapshot());
        return view(c);
    }

    // ================================================================== reads

    @Override
    @Transactional(readOnly = true)
    public CaseView get(String number) {
        CaseRecord c = load(number);
        access.checkSee(c);
        return view(c);
    }

    /**
     * The case as the current user may see it (SEC-2): personal data masked unless the role needs it; a read of the
     * full personal data is audited.
     */
    @Override
    @Transactional
    public CaseView read(String number) {
        CaseRecord c = load(number);
        access.checkSee(c);
        if (access.seesPersonalData(c)) {
            audit.record(c.centreId, "Case", c.number, "READ_PERSONAL_DATA", null, null);
            return view(c);
        }
        return view(c).masked();
    }

    /** Whether the current user sees the applicant's full personal data of this case. */
    public boolean seesPersonalData(CaseView view) {
        return store.findById(view.id()).map(access::seesPersonalData).orElse(false);
    }

    /** A notice as issued (the latest of its kind), data scope checked. */
    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> notice(String number, NoticeKind kind) {
        CaseRecord c = load(number);
        access.checkSee(c);
        return store.noticeContent(c.id, kind);
    }

    @Override
    public Optional<CaseSummary> byNumber(String number) {
        return store.find(number).map(CaseService::summary);
    }

    static CaseSummary summary(CaseRecord c) {
        return new CaseSummary(c.id, c.centreId, c.number, c.itemCode, c.itemName, c.departmentId, c.windowId,
                c.handlerStaffId, c.status, c.dueDate, c.warningLevel, c.result);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseSummary> list(CaseQuery query) {
        Optional<CurrentUser> user = access.user();
        Long centre = query.centreId();
        if (user.isPresent() && !user.get().hasRole(Role.ADMIN)) {
            Long own = user.get().centreId();
            if (own == null || (centre != null && !centre.equals(own))) {
                return List.of();
            }
            centre = own;
        }
        boolean scoped = user.isPresent() && !user.get().seesAllDepartments();
        int limit = query.limit() <= 0 ? 100 : Math.min(query.limit(), 500);
        return store.list(centre, query.statuses(), query.departmentId(), query.handlerStaffId(),
                blankToNull(query.itemCode()), blankToNull(query.numberLike()),
                user.map(CurrentUser::departmentId).orElse(null), user.map(CurrentUser::staffId).orElse(null), scoped, limit)
                .stream().map(CaseService::summary).toList();
    }

    // ================================================================== helpers

    private CaseRecord load(String number) {
        if (number == null || number.isBlank()) {
            throw CaseAccess.notFound(String.valueOf(number));
        }
        return store.find(number.strip()).orElseThrow(() -> CaseAccess.notFound(number));
    }

    private CentreInfo centre(CaseRecord c) {
        return org.centre(c.centreId).orElseThrow(() -> DomainException.notFound("cases.centre.notFound", c.centreId));
    }

    private ItemVersion item(CaseRecord c) {
        return catalog.version(c.itemVersionId)
                .orElseThrow(() -> new IllegalStateException("item version " + c.itemVersionId + " missing"));
    }

    private @Nullable Long staffId() {
        return access.user().map(CurrentUser::staffId).orElse(null);
    }

    private void closeOpen(CaseRecord c, StepKind kind, String actor, String outcome, Instant now) {
        for (CaseView.Step s : store.steps(c.id)) {
            if (kind.name().equals(s.kind()) && "OPEN".equals(s.status())) {
                store.closeStep(s.id(), actor, outcome, null, now);
            }
        }
    }

    CaseView view(CaseRecord c) {
        List<CaseView.Material> materials = store.materials(c.id).stream()
                .map(m -> new CaseView.Material(m.code(), m.name(), m.requirement(), m.state(), m.note(), m.receivedAt()))
                .toList();
        return new CaseView(c.id, c.centreId, c.number, c.itemId, c.itemVersionId, c.itemCode, c.itemName, c.itemType,
                c.departmentId, c.windowId, c.intakeStaffId, c.handlerStaffId, c.channel, c.applicant(), c.greenChannel,
                c.status, c.suspendedFrom, c.receivedAt, c.clockStartedAt, c.acceptedAt, c.limitDays, c.extensionDays,
                c.suspendedDays, c.dueDate, c.pendingMaterialsDue, c.warningLevel, c.result, c.resultReason, c.remedy,
                c.completedAt, c.completedOnTime, c.delivery, c.deliveryAddress, c.trackingNumber, c.deliveredAt,
                c.archivedAt, c.version, materials, store.steps(c.id), store.suspensions(c.id), store.notices(c.id),
                c.rejectionReason, c.rejectionRedirect, c.extensionReason, c.extensionApprovedBy, c.deferralSigned,
                c.correctionLate, c.correctionIssuedAt);
    }

    private static void checkLength(String field, @Nullable String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw DomainException.invalid(field, "cases.tooLong", max);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
