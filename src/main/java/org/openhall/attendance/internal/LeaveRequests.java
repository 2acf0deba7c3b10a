package org.openhall.attendance.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.LeaveApproved;
import org.openhall.attendance.LeaveRevoked;
import org.openhall.attendance.LeaveType;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.MissingCalendarYearException;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave requests and their approval chains (ATT-2, 考勤及离岗告知制度 三): filing with the chain chosen by
 * {@link LeaveChainRule} and resolved to people (unit head, deputy leader, principal leaders from {@link LeaveLeaders}),
 * the approvers' queue (待我审批), decisions stage by stage (the principal leaders jointly: all must approve), withdrawal
 * of a pending request and revocation of an approved one. Every change is audited and recorded as a decision; bad input
 * changes nothing. The last approval makes the request APPROVED (what {@link LeaveApi} reads) and publishes
 * {@link LeaveApproved}; a confirmed revocation publishes {@link LeaveRevoked}.
 */
@org.springframework.modulith.NamedInterface("leave")
@Service
@Transactional
public class LeaveRequests {

    /** The longest span a request may cover in calendar days (maternity leave included). */
    static final int MAX_SPAN_DAYS = 400;

    /** Who decides a step: a staff member (leaders) or the DEPT_HEADs of a department (unit head). */
    public record Approver(@Nullable Long staffId, @Nullable Long departmentId, String name) {
    }

    public record PlannedStage(LeaveStage stage, List<Approver> approvers) {
    }

    /** The chain a request would get, shown before it is filed. */
    public record Chain(LeaveChainRule.Kind kind, BigDecimal days, List<PlannedStage> stages, boolean fileWithOffice,
            boolean standInRequired) {
    }

    public record Request(long id, long centreId, long staffId, String staffName, @Nullable Long departmentId,
            String departmentName, LeaveType type, LocalDateTime start, LocalDateTime end, BigDecimal days, String reason,
            @Nullable Long standInStaffId, @Nullable String standInName, String status, boolean emergency,
            @Nullable String chain, @Nullable Integer currentStage, boolean fileWithOffice, @Nullable Instant filedAt,
            Instant createdAt, @Nullable Instant decidedAt, @Nullable Instant revokeRequestedAt,
            @Nullable String revokeReason, ZoneId zone) {

        public LeaveSpan span() {
            return LeaveSpan.of(start, end);
        }

        public boolean pending() {
            return "PENDING".equals(status);
        }

        public boolean approved() {
            return "APPROVED".equals(status);
        }
    }

    public record Step(long id, int stageNo, LeaveStage stage, @Nullable Long departmentId,
            @Nullable Long approverStaffId, String approverName, String status, @Nullable Instant decidedAt,
            @Nullable String decidedBy, @Nullable String comment) {
    }

    public record Decision(String action, @Nullable String comment, String actor, Instant at) {
    }

    /** A request with its steps and decisions, and what the viewer may do with it. */
    public record Detail(Request request, List<Step> steps, List<Decision> decisions, boolean canDecide,
            boolean canDecideRevocation, boolean isApplicant) {
    }

    /** A row of an approver's queue: a request to decide, or a revocation to confirm. */
    public record QueueItem(Request request, boolean revocation) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final UserAccounts accounts;
    private final LeaveLeaders leaders;
    private final LeaveApi leaveApi;
    private final LeaveRules rules;
    private final ApplicationEventPublisher events;

    LeaveRequests(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org, CalendarApi calendar,
            UserAccounts accounts, LeaveLeaders leaders, LeaveApi leaveApi, LeaveRules rules,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.calendar = calendar;
        this.accounts = accounts;
        this.leaders = leaders;
        this.leaveApi = leaveApi;
        this.rules = rules;
        this.events = events;
    }

    public LeaveRules rules() {
        return rules;
    }

    // ------------------------------------------------------------------------------------------------ filing

    private record Applicant(StaffSummary staff, CentreInfo centre) {
    }

    private record Prepared(Applicant applicant, LeaveType type, LeaveSpan span, Chain chain) {
    }

    /** The chain the form would get (shown before filing); refuses what no chain can take (dates, length). */
    @Transactional(readOnly = true)
    public Chain preview(CurrentUser user, LeaveForm form) {
        return prepare(user, form).chain();
    }

    /** Files a request; returns its id. Validates everything before writing anything. */
    public long submit(CurrentUser user, LeaveForm form) {
        Prepared p = prepare(user, form);
        Applicant a = p.applicant();
        String reason = Objects.requireNonNullElse(form.reason(), "").strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid("reason", "att.leave.reason-required");
        }
        if (reason.length() > 1000) {
            throw DomainException.invalid("reason", "att.leave.reason-too-long", 1000);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), a.centre().zone());
        LocalDateTime effectiveStart = p.span().startPm() ? p.span().start()
                : p.span().startDay().atTime(calendar.openingHours(a.centre().code()).opens());
        boolean began = !now.isBefore(effectiveStart);
        if (began && !(form.emergency() && rules.emergencyAllowed())) {
            throw DomainException.invalid("start", "att.leave.start-past");
        }
        if (!began && form.emergency()) {
            throw DomainException.invalid("emergency", "att.leave.emergency-not-begun");
        }
        Long standIn = form.standInStaffId();
        if (standIn == null && p.chain().standInRequired()) {
            throw DomainException.invalid("standIn", "att.leave.stand-in-required",
                    rules.standInOver().stripTrailingZeros().toPlainString());
        }
        if (standIn != null) {
            checkStandIn(a, standIn, p.span());
        }
        if (overlapping(a.staff().id(), p.span(), Set.of("PENDING", "APPROVED"))) {
            throw DomainException.conflict("att.leave.overlap");
        }

        Instant at = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into att_leave_request (centre_id, staff_id, leave_type, start_at, end_at, days, reason, "
                        + "stand_in_staff_id, status, emergency, created_at, created_by, updated_at, version, department_id, "
                        + "chain, current_stage, file_with_office) values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, ?, "
                        + "?, 1, ?)")
                .params(a.centre().id(), a.staff().id(), p.type().name(), Timestamp.valueOf(p.span().start()),
                        Timestamp.valueOf(p.span().end()), p.chain().days(), reason, standIn, form.emergency(),
                        Timestamp.from(at), user.username(), Timestamp.from(at), a.staff().departmentId(),
                        p.chain().kind().name(), p.chain().fileWithOffice())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        int stageNo = 0;
        for (PlannedStage stage : p.chain().stages()) {
            stageNo++;
            for (Approver ap : stage.approvers()) {
                jdbc.sql("insert into att_leave_step (centre_id, request_id, stage_no, stage, department_id, "
                                + "approver_staff_id, status) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(a.centre().id(), id, stageNo, stage.stage().name(), ap.departmentId(), ap.staffId(),
                                stageNo == 1 ? "PENDING" : "WAITING")
                        .update();
            }
        }
        decision(a.centre().id(), id, null, "SUBMIT", null, user, at);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("staffId", a.staff().id());
        after.put("type", p.type().name());
        after.put("start", p.span().start().toString());
        after.put("end", p.span().end().toString());
        after.put("days", p.chain().days());
        after.put("standIn", standIn);
        after.put("emergency", form.emergency());
        after.put("chain", p.chain().kind().name());
        after.put("status", "PENDING");
        audit.record(a.centre().id(), "LeaveRequest", Long.toString(id), "CREATE", null, after);
        events.publishEvent(new LeaveEvents.StageOpened(id, a.centre().id(), 1));
        return id;
    }

    private Prepared prepare(CurrentUser user, LeaveForm form) {
        Applicant a = applicant(user);
        if (form.type() == null) {
            throw DomainException.invalid("type", "att.leave.type-required");
        }
        if (form.startDay() == null || form.endDay() == null) {
            throw DomainException.invalid("start", "att.leave.dates-required");
        }
        LeaveSpan span = new LeaveSpan(form.startDay(), form.startPm(), form.endDay(), form.endAm());
        if (ChronoUnit.DAYS.between(span.startDay(), span.endDay()) >= MAX_SPAN_DAYS) {
            throw DomainException.invalid("end", "att.leave.span-too-long", MAX_SPAN_DAYS);
        }
        BigDecimal days = workingDays(a.centre().code(), span);
        if (days.signum() == 0) {
            throw DomainException.invalid("start", "att.leave.no-working-day");
        }
        LeaveChainRule.Plan plan = LeaveChainRule.plan(rules, form.type(), days);
        List<PlannedStage> stages = resolve(a, plan.stages());
        return new Prepared(a, form.type(), span,
                new Chain(plan.kind(), days, stages, plan.fileWithOffice(), plan.standInRequired()));
    }

    private Applicant applicant(CurrentUser user) {
        if (user.staffId() == null) {
            throw DomainException.forbidden("att.leave.no-staff");
        }
        StaffSummary staff = org.staff(user.staffId()).filter(StaffSummary::active)
                .orElseThrow(() -> DomainException.forbidden("att.leave.no-staff"));
        CentreInfo centre = org.centre(staff.centreId()).orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
        return new Applicant(staff, centre);
    }

    private BigDecimal workingDays(String centreCode, LeaveSpan span) {
        try {
            Set<LocalDate> working = new HashSet<>();
            for (CalendarDay d : calendar.days(centreCode, span.startDay(), span.endDay())) {
                if (d.working()) {
                    working.add(d.date());
                }
            }
            return span.workingDays(working::contains);
        } catch (MissingCalendarYearException e) {
            throw DomainException.unprocessable("att.leave.calendar-missing");
        }
    }

    /**
     * The people of each stage. A department without a unit head account other than the applicant goes to its deputy
     * leader; a deputy leader's own leave goes to the principal leaders; a principal leader's own leave to the others.
     */
    private List<PlannedStage> resolve(Applicant a, List<LeaveStage> stages) {
        long centre = a.centre().id();
        long me = a.staff().id();
        List<PlannedStage> out = new ArrayList<>();
        for (LeaveStage wanted : stages) {
            LeaveStage stage = wanted;
            if (stage == LeaveStage.UNIT_HEAD) {
                List<Approver> heads = new ArrayList<>();
                for (UserAccounts.Account acc : accounts.listForCentre(centre)) {
                    if (acc.roles().contains(Role.DEPT_HEAD) && acc.enabled()
                            && Objects.equals(acc.departmentId(), a.staff().departmentId())
                            && !Objects.equals(acc.staffId(), me)) {
                        heads.add(new Approver(null, a.staff().departmentId(), acc.staffId() == null ? acc.displayName()
                                : org.staff(acc.staffId()).map(StaffSummary::name).orElse(acc.displayName())));
                    }
                }
                if (!heads.isEmpty()) {
                    String names = String.join("、", heads.stream().map(Approver::name).distinct().toList());
                    add(out, new PlannedStage(stage, List.of(new Approver(null, a.staff().departmentId(), names))));
                    continue;
                }
                stage = LeaveStage.DEPUTY_LEADER;
            }
            if (stage == LeaveStage.DEPUTY_LEADER) {
                Long deputy = leaders.deputyOf(centre, a.staff().departmentId()).orElse(null);
                if (deputy == null) {
                    throw DomainException.unprocessable("att.leave.chain.no-deputy");
                }
                if (deputy != me) {
                    add(out, new PlannedStage(stage, List.of(leader(deputy))));
                    continue;
                }
                stage = LeaveStage.PRINCIPAL_LEADERS;
            }
            List<Approver> principals = leaders.setup(centre).principals().stream().filter(id -> id != me)
                    .map(this::leader).toList();
            if (principals.isEmpty()) {
                throw DomainException.unprocessable("att.leave.chain.no-principals");
            }
            add(out, new PlannedStage(LeaveStage.PRINCIPAL_LEADERS, principals));
        }
        return out;
    }

    private static void add(List<PlannedStage> out, PlannedStage stage) {
        if (out.isEmpty() || !out.getLast().equals(stage)) {
            out.add(stage);
        }
    }

    private Approver leader(long staffId) {
        return new Approver(staffId, null, org.staff(staffId).map(StaffSummary::name).orElse("#" + staffId));
    }

    private void checkStandIn(Applicant a, long standIn, LeaveSpan span) {
        if (standIn == a.staff().id()) {
            throw DomainException.invalid("standIn", "att.leave.stand-in-self");
        }
        StaffSummary s = org.staff(standIn).filter(StaffSummary::active)
                .filter(x -> x.centreId() == a.centre().id())
                .orElseThrow(() -> DomainException.invalid("standIn", "att.leave.stand-in-other-centre"));
        boolean approved = leaveApi.approvedLeaveOf(standIn, span.startDay(), span.endDay()).stream()
                .anyMatch(l -> span.overlaps(l.start(), l.end()));
        if (approved || overlapping(standIn, span, Set.of("PENDING"))) {
            throw DomainException.conflict("att.leave.stand-in-on-leave", s.name());
        }
    }

    private boolean overlapping(long staffId, LeaveSpan span, Set<String> statuses) {
        return jdbc.sql("select count(*) from att_leave_request where staff_id = :staff and status in (:statuses) "
                        + "and start_at < :end and end_at > :start")
                .param("staff", staffId).param("statuses", statuses)
                .param("end", Timestamp.valueOf(span.end())).param("start", Timestamp.valueOf(span.start()))
                .query(Long.class).single() > 0;
    }

    // ----------------------------------------------------------------------------------------------- deciding

    /** Approves or rejects the step of the request that waits for this user (a reject needs a comment). */
    public void decide(CurrentUser user, long requestId, boolean approve, @Nullable String comment) {
        Request r = lock(user, requestId);
        if (Objects.equals(user.staffId(), r.staffId())) {
            throw DomainException.forbidden("att.leave.decide.own");
        }
        if (!r.pending()) {
            throw DomainException.conflict("att.leave.not-pending");
        }
        Step step = steps(requestId).stream()
                .filter(s -> "PENDING".equals(s.status()) && r.currentStage() != null && s.stageNo() == r.currentStage())
                .filter(s -> matches(user, s)).findFirst()
                .orElseThrow(() -> DomainException.forbidden("att.leave.decide.not-in-queue"));
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (!approve && text == null) {
            throw DomainException.invalid("comment", "att.leave.decide.comment-required");
        }
        if (text != null && text.length() > 1000) {
            throw DomainException.invalid("comment", "att.leave.reason-too-long", 1000);
        }
        Instant at = clock.instant();
        jdbc.sql("update att_leave_step set status = ?, decided_at = ?, decided_by = ?, decided_by_staff_id = ?, "
                        + "decision_comment = ? where id = ?")
                .params(approve ? "APPROVED" : "REJECTED", Timestamp.from(at), user.username(), user.staffId(), text,
                        step.id())
                .update();
        decision(r.centreId(), requestId, step.id(), approve ? "APPROVE" : "REJECT", text, user, at);
        String status = r.status();
        Integer stage = r.currentStage();
        if (!approve) {
            status = "REJECTED";
            cancelOpenSteps(requestId);
            events.publishEvent(new LeaveEvents.Rejected(requestId, r.centreId()));
        } else {
            boolean stageDone = steps(requestId).stream().filter(s -> s.stageNo() == step.stageNo())
                    .allMatch(s -> "APPROVED".equals(s.status()));
            if (stageDone) {
                int next = step.stageNo() + 1;
                int opened = jdbc.sql("update att_leave_step set status = 'PENDING' where request_id = ? and stage_no = ?")
                        .params(requestId, next).update();
                if (opened > 0) {
                    stage = next;
                    events.publishEvent(new LeaveEvents.StageOpened(requestId, r.centreId(), next));
                } else {
                    status = "APPROVED";
                    stage = null;
                }
            }
        }
        boolean finished = !"PENDING".equals(status);
        jdbc.sql("update att_leave_request set status = ?, current_stage = ?, decided_at = ?, filed_at = ?, updated_at = ?, "
                        + "version = version + 1 where id = ?")
                .params(status, stage, finished ? Timestamp.from(at) : null,
                        "APPROVED".equals(status) && r.fileWithOffice() ? Timestamp.from(at) : null, Timestamp.from(at),
                        requestId)
                .update();
        audit.record(r.centreId(), "LeaveRequest", Long.toString(requestId), approve ? "APPROVE" : "REJECT",
                Map.of("status", r.status(), "stage", String.valueOf(r.currentStage())),
                Map.of("status", status, "stage", String.valueOf(stage), "step", step.id(),
                        "comment", Objects.requireNonNullElse(text, "")));
        if ("APPROVED".equals(status)) {
            events.publishEvent(new LeaveApproved(requestId, r.centreId(), r.staffId(), r.type(), r.start(), r.end(),
                    r.standInStaffId()));
        }
    }

    /** The applicant withdraws a request that is still pending. */
    public void withdraw(CurrentUser user, long requestId) {
        Request r = lock(user, requestId);
        if (!Objects.equals(user.staffId(), r.staffId())) {
            throw DomainException.forbidden("att.leave.not-yours");
        }
        if (!r.pending()) {
            throw DomainException.conflict("att.leave.withdraw.not-pending");
        }
        Instant at = clock.instant();
        cancelOpenSteps(requestId);
        jdbc.sql("update att_leave_request set status = 'WITHDRAWN', current_stage = null, updated_at = ?, "
                + "version = version + 1 where id = ?").params(Timestamp.from(at), requestId).update();
        decision(r.centreId(), requestId, null, "WITHDRAW", null, user, at);
        audit.record(r.centreId(), "LeaveRequest", Long.toString(requestId), "WITHDRAW", Map.of("status", r.status()),
                Map.of("status", "WITHDRAWN"));
    }

    /** The applicant asks to revoke an approved request that has not ended; the last stage's approvers decide. */
    public void askRevocation(CurrentUser user, long requestId, @Nullable String reason) {
        Request r = lock(user, requestId);
        if (!Objects.equals(user.staffId(), r.staffId())) {
            throw DomainException.forbidden("att.leave.not-yours");
        }
        if (!r.approved()) {
            throw DomainException.conflict("att.leave.revoke.not-approved");
        }
        if (r.revokeRequestedAt() != null) {
            throw DomainException.conflict("att.leave.revoke.already-asked");
        }
        CentreInfo centre = org.centre(r.centreId()).orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
        if (!LocalDateTime.ofInstant(clock.instant(), centre.zone()).isBefore(r.end())) {
            throw DomainException.conflict("att.leave.revoke.ended");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("reason", "att.leave.revoke.reason-required");
        }
        if (text.length() > 1000) {
            throw DomainException.invalid("reason", "att.leave.reason-too-long", 1000);
        }
        Instant at = clock.instant();
        jdbc.sql("update att_leave_request set revoke_requested_at = ?, revoke_reason = ?, updated_at = ?, "
                + "version = version + 1 where id = ?").params(Timestamp.from(at), text, Timestamp.from(at), requestId)
                .update();
        decision(r.centreId(), requestId, null, "REVOKE_REQUEST", text, user, at);
        audit.record(r.centreId(), "LeaveRequest", Long.toString(requestId), "REVOKE_REQUEST", null,
                Map.of("reason", text));
        events.publishEvent(new LeaveEvents.RevocationAsked(requestId, r.centreId()));
    }

    /** An approver of the last stage confirms (REVOKED, {@link LeaveRevoked}) or declines a revocation. */
    public void decideRevocation(CurrentUser user, long requestId, boolean confirm, @Nullable String comment) {
        Request r = lock(user, requestId);
        if (Objects.equals(user.staffId(), r.staffId())) {
            throw DomainException.forbidden("att.leave.decide.own");
        }
        if (!r.approved() || r.revokeRequestedAt() == null) {
            throw DomainException.conflict("att.leave.revoke.not-asked");
        }
        if (!lastStageApprover(user, requestId)) {
            throw DomainException.forbidden("att.leave.decide.not-in-queue");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (!confirm && text == null) {
            throw DomainException.invalid("comment", "att.leave.decide.comment-required");
        }
        Instant at = clock.instant();
        if (confirm) {
            jdbc.sql("update att_leave_request set status = 'REVOKED', updated_at = ?, version = version + 1 where id = ?")
                    .params(Timestamp.from(at), requestId).update();
        } else {
            jdbc.sql("update att_leave_request set revoke_requested_at = null, updated_at = ?, version = version + 1 "
                    + "where id = ?").params(Timestamp.from(at), requestId).update();
        }
        decision(r.centreId(), requestId, null, confirm ? "REVOKE_CONFIRM" : "REVOKE_DECLINE", text, user, at);
        audit.record(r.centreId(), "LeaveRequest", Long.toString(requestId), confirm ? "REVOKE" : "REVOKE_DECLINE",
                Map.of("status", r.status()), Map.of("status", confirm ? "REVOKED" : r.status(),
                        "comment", Objects.requireNonNullElse(text, "")));
        if (confirm) {
            events.publishEvent(new LeaveRevoked(requestId, r.centreId(), r.staffId(), r.start(), r.end()));
        }
    }

    private void cancelOpenSteps(long requestId) {
        jdbc.sql("update att_leave_step set status = 'CANCELLED' where request_id = ? and status in ('PENDING', 'WAITING')")
                .param(requestId).update();
    }

    private void decision(long centreId, long requestId, @Nullable Long stepId, String action, @Nullable String comment,
            CurrentUser user, Instant at) {
        jdbc.sql("insert into att_leave_decision (centre_id, request_id, step_id, action, comment, actor, actor_staff_id, "
                        + "decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(centreId, requestId, stepId, action, comment, user.username(), user.staffId(), Timestamp.from(at))
                .update();
    }

    private static boolean matches(CurrentUser user, Step s) {
        if (s.stage() == LeaveStage.UNIT_HEAD) {
            return user.hasRole(Role.DEPT_HEAD) && s.departmentId() != null && s.departmentId().equals(user.departmentId());
        }
        return user.hasRole(Role.LEADER) && s.approverStaffId() != null && s.approverStaffId().equals(user.staffId());
    }

    private boolean lastStageApprover(CurrentUser user, long requestId) {
        List<Step> steps = steps(requestId);
        int last = steps.stream().mapToInt(Step::stageNo).max().orElse(0);
        return steps.stream().filter(s -> s.stageNo() == last).anyMatch(s -> matches(user, s));
    }

    /** The request locked for a change; unknown or outside the user's centre → not found. */
    private Request lock(CurrentUser user, long requestId) {
        jdbc.sql("select id from att_leave_request where id = ? for update").param(requestId).query(Long.class).optional();
        Request r = find(requestId).orElseThrow(() -> DomainException.notFound("att.leave.not-found"));
        if (!user.canSeeCentre(r.centreId())) {
            throw DomainException.notFound("att.leave.not-found");
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public Optional<Request> find(long requestId) {
        return jdbc.sql("select * from att_leave_request where id = ?").param(requestId).query(this::map).optional();
    }

    /** The user's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<Request> mine(CurrentUser user) {
        if (user.staffId() == null) {
            return List.of();
        }
        return jdbc.sql("select * from att_leave_request where staff_id = ? order by start_at desc, id desc")
                .param(user.staffId()).query(this::map).list();
    }

    /** 待我审批: requests whose open stage waits for this user, and revocations this user may confirm. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(CurrentUser user) {
        if (user.centreId() == null) {
            return List.of();
        }
        long dept = user.hasRole(Role.DEPT_HEAD) && user.departmentId() != null ? user.departmentId() : -1L;
        long staff = user.hasRole(Role.LEADER) && user.staffId() != null ? user.staffId() : -1L;
        long self = user.staffId() == null ? -1L : user.staffId();
        String match = "((s.stage = 'UNIT_HEAD' and s.department_id = :dept) "
                + "or (s.stage <> 'UNIT_HEAD' and s.approver_staff_id = :staff))";
        List<QueueItem> items = new ArrayList<>();
        jdbc.sql("select r.* from att_leave_request r where r.centre_id = :centre and r.status = 'PENDING' "
                        + "and r.staff_id <> :self and exists (select 1 from att_leave_step s where s.request_id = r.id "
                        + "and s.status = 'PENDING' and s.stage_no = r.current_stage and " + match + ") "
                        + "order by r.created_at, r.id")
                .param("centre", user.centreId()).param("dept", dept).param("staff", staff).param("self", self)
                .query(this::map).list().forEach(r -> items.add(new QueueItem(r, false)));
        jdbc.sql("select r.* from att_leave_request r where r.centre_id = :centre and r.status = 'APPROVED' "
                        + "and r.revoke_requested_at is not null and r.staff_id <> :self and exists (select 1 from "
                        + "att_leave_step s where s.request_id = r.id and s.stage_no = (select max(x.stage_no) from "
                        + "att_leave_step x where x.request_id = r.id) and " + match + ") order by r.revoke_requested_at, r.id")
                .param("centre", user.centreId()).param("dept", dept).param("staff", staff).param("self", self)
                .query(this::map).list().forEach(r -> items.add(new QueueItem(r, true)));
        return items;
    }

    /** The centre's leave touching [from, to], optionally of one status, or only what was filed with the office. */
    @Transactional(readOnly = true)
    public List<Request> overview(long centreId, @Nullable String status, boolean filedOnly, LocalDate from, LocalDate to) {
        String sql = "select * from att_leave_request where centre_id = :centre and start_at < :to and end_at > :from"
                + (status == null ? "" : " and status = :status") + (filedOnly ? " and filed_at is not null" : "")
                + " order by start_at desc, id desc";
        var spec = jdbc.sql(sql).param("centre", centreId).param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .param("from", Timestamp.valueOf(from.atStartOfDay()));
        if (status != null) {
            spec = spec.param("status", status);
        }
        return spec.query(this::map).list();
    }

    /** A request as the user may see it: the applicant, the stand-in, its approvers, the centre's office and leaders. */
    @Transactional(readOnly = true)
    public Detail detail(CurrentUser user, long requestId) {
        Request r = find(requestId).filter(x -> user.canSeeCentre(x.centreId()))
                .orElseThrow(() -> DomainException.notFound("att.leave.not-found"));
        List<Step> steps = steps(requestId);
        boolean applicant = Objects.equals(user.staffId(), r.staffId());
        boolean visible = applicant || Objects.equals(user.staffId(), r.standInStaffId())
                || user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER)
                || (user.hasRole(Role.DEPT_HEAD) && Objects.equals(user.departmentId(), r.departmentId()))
                || steps.stream().anyMatch(s -> matches(user, s));
        if (!visible) {
            throw DomainException.forbidden("att.leave.not-visible");
        }
        boolean canDecide = !applicant && r.pending() && steps.stream().anyMatch(s -> "PENDING".equals(s.status())
                && r.currentStage() != null && s.stageNo() == r.currentStage() && matches(user, s));
        boolean canRevoke = !applicant && r.approved() && r.revokeRequestedAt() != null
                && lastStageApprover(user, requestId);
        List<Decision> decisions = jdbc.sql("select action, comment, actor, decided_at from att_leave_decision "
                        + "where request_id = ? order by id").param(requestId)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), actorName(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return new Detail(r, steps, decisions, canDecide, canRevoke, applicant);
    }

    private String actorName(String username) {
        return accounts.findByUsername(username).map(UserAccounts.Account::displayName).orElse(username);
    }

    /** The steps of a request in stage order, with the approvers' names. */
    @Transactional(readOnly = true)
    public List<Step> steps(long requestId) {
        return jdbc.sql("select * from att_leave_step where request_id = ? order by stage_no, id").param(requestId)
                .query((rs, n) -> {
                    LeaveStage stage = LeaveStage.valueOf(rs.getString("stage"));
                    Long dept = nullableLong(rs, "department_id");
                    Long staff = nullableLong(rs, "approver_staff_id");
                    String name = staff != null ? org.staff(staff).map(StaffSummary::name).orElse("#" + staff)
                            : dept == null ? "" : org.department(dept).map(d -> d.name()).orElse("");
                    Timestamp decided = rs.getTimestamp("decided_at");
                    String by = rs.getString("decided_by");
                    return new Step(rs.getLong("id"), rs.getInt("stage_no"), stage, dept, staff, name,
                            rs.getString("status"), decided == null ? null : decided.toInstant(),
                            by == null ? null : actorName(by), rs.getString("decision_comment"));
                }).list();
    }

    private Request map(ResultSet rs, int n) throws SQLException {
        long staffId = rs.getLong("staff_id");
        Long dept = nullableLong(rs, "department_id");
        Long standIn = nullableLong(rs, "stand_in_staff_id");
        int stage = rs.getInt("current_stage");
        Integer currentStage = rs.wasNull() ? null : stage;
        return new Request(rs.getLong("id"), rs.getLong("centre_id"), staffId, staffName(staffId), dept,
                dept == null ? "" : org.department(dept).map(d -> d.name()).orElse(""),
                LeaveType.valueOf(rs.getString("leave_type")), rs.getTimestamp("start_at").toLocalDateTime(),
                rs.getTimestamp("end_at").toLocalDateTime(), LeaveSpan.plain(rs.getBigDecimal("days")),
                rs.getString("reason"), standIn, standIn == null ? null : staffName(standIn), rs.getString("status"),
                rs.getBoolean("emergency"), rs.getString("chain"), currentStage, rs.getBoolean("file_with_office"),
                instant(rs, "filed_at"), rs.getTimestamp("created_at").toInstant(), instant(rs, "decided_at"),
                instant(rs, "revoke_requested_at"), rs.getString("revoke_reason"), zone(rs.getLong("centre_id")));
    }

    private ZoneId zone(long centreId) {
        return org.centre(centreId).map(CentreInfo::zone).orElse(ZoneId.of("Asia/Shanghai"));
    }

    private String staffName(long id) {
        return org.staff(id).map(StaffSummary::name).orElse("#" + id);
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
