package org.openhall.duty.internal.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.duty.DutyRole;
import org.openhall.duty.internal.roster.RosterViews.Duty;
import org.openhall.duty.internal.roster.RosterViews.SwapRequest;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Swaps and substitutes (DUTY-2; 督导员值班制度 四.3: 督导员因特殊情况不能到岗的,自行安排调整顶替岗,并报中心办公室备案): the person
 * on duty arranges it and files it with the centre office; it is in force when filed (the roster shows who actually
 * serves and attendance gets the new duty hours) and the office acknowledges it.
 */
@Service
public class Swaps {

    public enum Kind {
        /** 顶替: someone serves the day instead */
        SUBSTITUTE,
        /** 换班: two people exchange their duty days */
        SWAP
    }

    private final JdbcClient jdbc;
    private final Rosters rosters;
    private final OrganizationApi org;
    private final AttendanceCommands attendance;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final MessageSource messages;

    Swaps(JdbcClient jdbc, Rosters rosters, OrganizationApi org, AttendanceCommands attendance, AuditTrail audit,
            CurrentUsers users, Clock clock, Notifications notifications, UserAccounts accounts,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.org = org;
        this.attendance = attendance;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.notifications = notifications;
        this.accounts = accounts;
        this.messages = messages;
    }

    /**
     * Files a swap or substitute for a published duty: by the person who serves it, or by the centre office for them.
     *
     * @param returnAssignmentId SWAP only: the substitute's own duty that the requester serves in return
     */
    @Transactional
    public long file(long assignmentId, Kind kind, long substituteStaffId, @Nullable Long returnAssignmentId,
            String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw DomainException.invalid("reason", "duty.roster.swap.error.reason");
        }
        Duty duty = publishedDuty(assignmentId);
        long centreId = centreOf(assignmentId);
        CurrentUser user = users.current().orElse(null); // null: the system (loaders)
        boolean office = user == null || user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE) && user.canSeeCentre(centreId);
        if (!office && (user.staffId() == null || user.staffId() != duty.servingStaffId())) {
            throw DomainException.forbidden("duty.roster.swap.error.notYours");
        }
        if (duty.day().isBefore(rosters.today(centreId))) {
            throw DomainException.invalid("assignmentId", "duty.roster.swap.error.past");
        }
        StaffSummary substitute = org.staff(substituteStaffId).filter(StaffSummary::active)
                .orElseThrow(() -> DomainException.invalid("substituteStaffId", "duty.roster.error.unknownStaff"));
        if (substitute.centreId() != centreId) {
            throw DomainException.invalid("substituteStaffId", "duty.roster.swap.error.otherCentre", substitute.name());
        }
        if (substitute.id() == duty.servingStaffId()) {
            throw DomainException.invalid("substituteStaffId", "duty.roster.swap.error.self");
        }
        checkFree(centreId, substitute.id(), substitute.name(), duty.day());
        Duty back = null;
        if (kind == Kind.SWAP) {
            if (returnAssignmentId == null) {
                throw DomainException.invalid("returnAssignmentId", "duty.roster.swap.error.returnMissing");
            }
            back = publishedDuty(returnAssignmentId);
            if (centreOf(returnAssignmentId) != centreId || back.servingStaffId() != substitute.id()
                    || back.day().equals(duty.day()) || back.day().isBefore(rosters.today(centreId))) {
                throw DomainException.invalid("returnAssignmentId", "duty.roster.swap.error.returnInvalid");
            }
            String requester = org.staff(duty.servingStaffId()).map(StaffSummary::name).orElse("");
            checkFree(centreId, duty.servingStaffId(), requester, back.day());
        }
        String actor = users.actorName();
        serve(centreId, duty, substitute.id(), actor);
        if (back != null) {
            serve(centreId, back, duty.servingStaffId(), actor);
        }
        long id = Rosters.insert(jdbc.sql("insert into duty_swap_request (centre_id, kind, assignment_id, staff_id, substitute_staff_id, "
                        + "return_assignment_id, reason, status, filed_at, filed_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'FILED', ?, ?)")
                .params(centreId, kind.name(), assignmentId, duty.servingStaffId(), substitute.id(), returnAssignmentId,
                        reason.strip(), Rosters.ts(clock.instant()), actor)
                );
        tell(centreId, kind, duty, substitute);
        audit.record(centreId, "DutySwapRequest", String.valueOf(id), "FILE", null,
                Map.of("kind", kind.name(), "assignmentId", assignmentId, "day", duty.day().toString(),
                        "staffId", duty.servingStaffId(), "substituteStaffId", substitute.id()));
        return id;
    }

    /** An in-system message to the centre office (报中心办公室备案) and to the person who now serves. */
    private void tell(long centreId, Kind kind, Duty duty, StaffSummary substitute) {
        String requester = org.staff(duty.servingStaffId()).map(StaffSummary::name).orElse("");
        Object[] args = {requester, duty.day(), substitute.name()};
        String subject = messages.getMessage("duty.roster.swap.notice.subject." + kind.name(), args,
                Locale.SIMPLIFIED_CHINESE);
        String body = messages.getMessage("duty.roster.swap.notice.body." + kind.name(), args, Locale.SIMPLIFIED_CHINESE);
        Set<Long> to = new LinkedHashSet<>();
        accounts.listForCentre(centreId).stream()
                .filter(a -> a.enabled() && a.staffId() != null && a.roles().contains(Role.CENTRE_OFFICE))
                .forEach(a -> to.add(a.staffId()));
        to.add(substitute.id());
        to.forEach(staff -> notifications.message(centreId, Inbox.staff(staff), subject, body, "/duty/swaps"));
    }

    /** The centre office takes note of a filed request (备案). */
    @Transactional
    public void acknowledge(long requestId) {
        SwapRequest r = request(requestId);
        rosters.requirePlanner(r.centreId());
        if (!"FILED".equals(r.status())) {
            throw DomainException.conflict("duty.roster.swap.error.notFiled");
        }
        jdbc.sql("update duty_swap_request set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? "
                        + "where id = ? and status = 'FILED'")
                .params(Rosters.ts(clock.instant()), users.actorName(), requestId).update();
        audit.record(r.centreId(), "DutySwapRequest", String.valueOf(requestId), "ACKNOWLEDGE",
                Map.of("status", "FILED"), Map.of("status", "ACKNOWLEDGED"));
    }

    /** The requests of a centre, newest first; a person who is not the office sees their own (as either side). */
    @Transactional(readOnly = true)
    public List<SwapRequest> requests(long centreId) {
        CurrentUser user = users.current().orElse(null); // null: the system
        if (user != null && !user.canSeeCentre(centreId)) {
            throw DomainException.forbidden("duty.roster.error.forbidden");
        }
        boolean all = user == null || user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER);
        long me = user == null || user.staffId() == null ? -1 : user.staffId();
        Map<Long, String> names = rosters.names(centreId);
        return jdbc.sql("select s.*, a.duty_day, a.duty_role, b.duty_day as return_day from duty_swap_request s "
                        + "join duty_assignment a on a.id = s.assignment_id "
                        + "left join duty_assignment b on b.id = s.return_assignment_id "
                        + "where s.centre_id = ? and (? or s.staff_id = ? or s.substitute_staff_id = ?) "
                        + "order by s.filed_at desc, s.id desc")
                .params(centreId, all, me, me)
                .query((rs, n) -> {
                    java.sql.Date back = rs.getDate("return_day");
                    long ret = rs.getLong("return_assignment_id");
                    Long returnId = rs.wasNull() ? null : ret;
                    java.sql.Timestamp ack = rs.getTimestamp("acknowledged_at");
                    return new SwapRequest(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("kind"),
                            rs.getLong("assignment_id"), rs.getDate("duty_day").toLocalDate(),
                            DutyRole.valueOf(rs.getString("duty_role")), rs.getLong("staff_id"),
                            names.getOrDefault(rs.getLong("staff_id"), "#" + rs.getLong("staff_id")),
                            rs.getLong("substitute_staff_id"),
                            names.getOrDefault(rs.getLong("substitute_staff_id"), "#" + rs.getLong("substitute_staff_id")),
                            returnId, back == null ? null : back.toLocalDate(), rs.getString("reason"),
                            rs.getString("status"), rs.getTimestamp("filed_at").toInstant(), rs.getString("filed_by"),
                            ack == null ? null : ack.toInstant(), rs.getString("acknowledged_by"));
                }).list();
    }

    /** The published duties from today on that a person serves (what they may ask to swap). */
    @Transactional(readOnly = true)
    public List<Duty> upcomingDuties(long centreId, long staffId) {
        LocalDate today = rosters.today(centreId);
        return rosters.onDutyFrom(centreId, today).stream().filter(d -> d.servingStaffId() == staffId).toList();
    }

    /** The published duties from today on served by others (what a person may take in return for a swap). */
    @Transactional(readOnly = true)
    public List<Duty> otherUpcomingDuties(long centreId, @Nullable Long staffId) {
        LocalDate today = rosters.today(centreId);
        return rosters.onDutyFrom(centreId, today).stream()
                .filter(d -> staffId == null || d.servingStaffId() != staffId).toList();
    }

    private SwapRequest request(long id) {
        Optional<Long> centre = jdbc.sql("select centre_id from duty_swap_request where id = ?").param(id)
                .query(Long.class).optional();
        if (centre.isEmpty()) {
            throw DomainException.notFound("duty.roster.swap.error.notFound", id);
        }
        return requests(centre.get()).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("duty.roster.swap.error.notFound", id));
    }

    private void serve(long centreId, Duty duty, long by, String actor) {
        jdbc.sql("update duty_assignment set served_by_staff_id = ? where id = ?")
                .params(by == duty.staffId() ? null : by, duty.id()).update();
        String source = Rosters.source(duty.rosterId());
        attendance.clearDutyHours(centreId, duty.servingStaffId(), duty.day(), source, actor);
        attendance.setDutyHours(centreId, by, duty.day(), rosters.rules().dutyStart(), rosters.rules().dutyEnd(), source,
                actor);
    }

    private void checkFree(long centreId, long staffId, String name, LocalDate day) {
        if (rosters.onLeave(staffId, day)) {
            throw DomainException.unprocessable("duty.roster.error.onLeave", name, day);
        }
        boolean busy = rosters.onDutyFrom(centreId, day).stream()
                .anyMatch(d -> d.day().equals(day) && d.servingStaffId() == staffId);
        if (busy) {
            throw DomainException.conflict("duty.roster.error.alreadyOnDuty", name, day);
        }
    }

    private Duty publishedDuty(long assignmentId) {
        return rosters.publishedDuty(centreOf(assignmentId), assignmentId)
                .orElseThrow(() -> DomainException.invalid("assignmentId", "duty.roster.swap.error.notPublished"));
    }

    private long centreOf(long assignmentId) {
        long centre = jdbc.sql("select centre_id from duty_assignment where id = ?").param(assignmentId)
                .query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("duty.roster.error.assignmentNotFound", assignmentId));
        if (users.current().filter(u -> !u.canSeeCentre(centre)).isPresent()) {
            throw DomainException.notFound("duty.roster.error.assignmentNotFound", assignmentId);
        }
        return centre;
    }
}
