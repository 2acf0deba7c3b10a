package org.openhall.duty.internal.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.LeaveApi;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.CalendarDay;
import org.openhall.duty.DutyRole;
import org.openhall.duty.internal.roster.RosterViews.Detail;
import org.openhall.duty.internal.roster.RosterViews.Duty;
import org.openhall.duty.internal.roster.RosterViews.PlanDayView;
import org.openhall.duty.internal.roster.RosterViews.Roster;
import org.openhall.duty.internal.roster.RosterViews.Warning;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duty rosters (DUTY-1): planned by the solver as a DRAFT for a cycle of one or two weeks (or a holiday and weekend
 * plan), edited by the centre office with warnings, published (superseding the days of an earlier published roster)
 * and handed to attendance as duty hours. Only the centre office (and ADMIN) plans, edits and publishes.
 */
@Service
public class Rosters {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final LeaveApi leave;
    private final AttendanceCommands attendance;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final RosterRules rules;
    private final RosterSolver solver;
    private final Clock clock;

    Rosters(JdbcClient jdbc, TransactionTemplate tx, OrganizationApi org, CalendarApi calendar, LeaveApi leave,
            AttendanceCommands attendance, AuditTrail audit, CurrentUsers users, RosterRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.org = org;
        this.calendar = calendar;
        this.leave = leave;
        this.attendance = attendance;
        this.audit = audit;
        this.users = users;
        this.rules = rules;
        this.solver = new RosterSolver(rules);
        this.clock = clock;
    }

    public RosterRules rules() {
        return rules;
    }

    /** Today in the centre's zone. */
    public LocalDate today(long centreId) {
        return LocalDate.now(clock.withZone(calendar.zone(centre(centreId).code())));
    }

    /** The Monday after today: where the next cycle starts. */
    public LocalDate nextCycleStart(long centreId) {
        return today(centreId).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // planning

    /**
     * Plans a DRAFT roster with the solver over {@code weeks} weeks from {@code firstDay}: working days for a CYCLE,
     * holidays and weekends for a HOLIDAY plan. Refused when a draft of the same kind overlaps the span.
     */
    public long generate(long centreId, LocalDate firstDay, int weeks, RosterKind kind) {
        requirePlanner(centreId);
        if (weeks < 1 || weeks > rules.maxCycleWeeks()) {
            throw DomainException.invalid("weeks", "duty.roster.error.weeks", rules.maxCycleWeeks());
        }
        LocalDate lastDay = firstDay.plusDays(7L * weeks - 1);
        // a person plans from today on; the system (loaders) may also plan a cycle that has begun
        if (firstDay.isBefore(today(centreId)) && users.current().isPresent()) {
            throw DomainException.invalid("firstDay", "duty.roster.error.past");
        }
        checkNoOverlappingDraft(centreId, kind, firstDay, lastDay);
        CentreInfo centre = centre(centreId);
        List<CalendarDay> days = calendar.days(centre.code(), firstDay, lastDay).stream()
                .filter(d -> d.working() == (kind == RosterKind.CYCLE)).toList();
        if (days.isEmpty()) {
            throw DomainException.unprocessable("duty.roster.error.noDays", firstDay, lastDay);
        }
        List<DepartmentInfo> order = RosterRotation.order(org.departments(centreId), rules.rotation());
        if (order.isEmpty()) {
            throw DomainException.unprocessable("duty.roster.error.noDepartments");
        }
        int turn = nextTurn(centreId, firstDay, order);
        List<RosterSolver.PlanDay> plan = new ArrayList<>();
        for (CalendarDay d : days) {
            boolean supervisor = d.working() || rules.holidaySupervisor();
            Long dept = null;
            if (supervisor) {
                dept = order.get(turn % order.size()).id();
                turn++;
            }
            plan.add(new RosterSolver.PlanDay(d.date(), d.working() ? rules.staffPerDay() : rules.holidayStaff(), dept));
        }
        List<DutyPerson> people = people(centreId, firstDay, lastDay);
        RosterSolver.Result result = solver.solve(plan, people);
        String actor = users.actorName();
        Long id = tx.execute(status -> {
            checkNoOverlappingDraft(centreId, kind, firstDay, lastDay);
            long rosterId = insert(jdbc.sql("insert into duty_roster (centre_id, first_day, last_day, kind, status, created_at, "
                            + "created_by, cycle_weeks, solver_score) values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)")
                    .params(centreId, firstDay, lastDay, kind.name(), ts(clock.instant()), actor, weeks,
                            result.score() == null ? null : result.score().toString())
                    );
            for (RosterSolver.PlanDay d : plan) {
                jdbc.sql("insert into duty_roster_day (roster_id, centre_id, duty_day, working, turn_department_id, "
                                + "staff_needed) values (?, ?, ?, ?, ?, ?)")
                        .params(rosterId, centreId, d.day(), kind == RosterKind.CYCLE, d.turnDepartmentId(), d.staff())
                        .update();
            }
            for (RosterSolver.Planned p : result.planned()) {
                jdbc.sql("insert into duty_assignment (roster_id, centre_id, duty_day, duty_role, staff_id, department_id) "
                                + "values (?, ?, ?, ?, ?, ?)")
                        .params(rosterId, centreId, p.day(), p.role().name(), p.staffId(), p.departmentId()).update();
            }
            audit.record(centreId, "DutyRoster", String.valueOf(rosterId), "GENERATE", null,
                    Map.of("firstDay", firstDay.toString(), "lastDay", lastDay.toString(), "kind", kind.name(),
                            "score", String.valueOf(result.score()), "hardViolations", result.hardViolations(),
                            "duties", result.planned().size()));
            return rosterId;
        });
        return id;
    }

    private void checkNoOverlappingDraft(long centreId, RosterKind kind, LocalDate first, LocalDate last) {
        Optional<Roster> other = jdbc.sql("select * from duty_roster where centre_id = ? and kind = ? and status = 'DRAFT' "
                        + "and first_day <= ? and last_day >= ? order by first_day")
                .params(centreId, kind.name(), last, first).query(Rosters::roster).optional();
        if (other.isPresent()) {
            throw DomainException.conflict("duty.roster.error.overlappingDraft", other.get().firstDay(),
                    other.get().lastDay());
        }
    }

    /** The rotation continues after the department of the last published supervisor before the cycle. */
    private int nextTurn(long centreId, LocalDate firstDay, List<DepartmentInfo> order) {
        Optional<Long> last = jdbc.sql("select d.turn_department_id from duty_roster_day d join duty_roster r "
                        + "on r.id = d.roster_id where r.centre_id = ? and r.status in ('PUBLISHED', 'SUPERSEDED') "
                        + "and d.duty_day < ? and d.turn_department_id is not null "
                        + "order by d.duty_day desc, r.published_at desc limit 1")
                .params(centreId, firstDay).query(Long.class).optional();
        if (last.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id() == last.get()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The centre's active staff, their recent duty days and their leave in the span. */
    List<DutyPerson> people(long centreId, LocalDate first, LocalDate last) {
        Map<Long, Integer> recent = new HashMap<>();
        jdbc.sql("select coalesce(a.served_by_staff_id, a.staff_id) as who, count(*) as n from duty_assignment a "
                        + "join duty_roster r on r.id = a.roster_id where r.centre_id = ? and r.status = 'PUBLISHED' "
                        + "and a.removed_at is null and a.superseded_by_roster_id is null and a.duty_day between ? and ? "
                        + "group by coalesce(a.served_by_staff_id, a.staff_id)")
                .params(centreId, first.minusWeeks(rules.historyWeeks()), first.minusDays(1))
                .query((rs, n) -> recent.put(rs.getLong("who"), rs.getInt("n"))).list();
        Map<Long, Set<LocalDate>> away = leaveDays(centreId, first, last);
        return org.staffOfCentre(centreId).stream().filter(StaffSummary::active)
                .map(s -> new DutyPerson(s.id(), s.departmentId(), s.name(), recent.getOrDefault(s.id(), 0),
                        away.getOrDefault(s.id(), Set.of())))
                .toList();
    }

    private Map<Long, Set<LocalDate>> leaveDays(long centreId, LocalDate first, LocalDate last) {
        Map<Long, Set<LocalDate>> away = new HashMap<>();
        for (ApprovedLeave l : leave.approvedLeave(centreId, first, last)) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (l.touches(d)) {
                    away.computeIfAbsent(l.staffId(), k -> new HashSet<>()).add(d);
                }
            }
        }
        return away;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // reading

    public List<Roster> rosters(long centreId) {
        return jdbc.sql("select * from duty_roster where centre_id = ? and status <> 'DISCARDED' "
                        + "order by first_day desc, id desc")
                .param(centreId).query(Rosters::roster).list();
    }

    public Roster roster(long rosterId) {
        Roster r = jdbc.sql("select * from duty_roster where id = ?").param(rosterId).query(Rosters::roster).optional()
                .orElseThrow(() -> DomainException.notFound("duty.roster.error.notFound", rosterId));
        if (users.current().filter(u -> !u.canSeeCentre(r.centreId())).isPresent()) {
            throw DomainException.notFound("duty.roster.error.notFound", rosterId);
        }
        return r;
    }

    public Detail detail(long rosterId) {
        Roster r = roster(rosterId);
        Map<Long, String> names = names(r.centreId());
        Map<Long, String> departments = org.departments(r.centreId()).stream()
                .collect(Collectors.toMap(DepartmentInfo::id, DepartmentInfo::name));
        List<Duty> duties = jdbc.sql("select * from duty_assignment where roster_id = ? order by duty_day, "
                        + "case duty_role when 'LEADER' then 0 when 'STAFF' then 1 else 2 end, id")
                .param(rosterId).query((rs, n) -> duty(rs, names, departments)).list();
        List<PlanDayView> days = jdbc.sql("select * from duty_roster_day where roster_id = ? order by duty_day")
                .param(rosterId).query((rs, n) -> {
                    long t = rs.getLong("turn_department_id");
                    String turn = rs.wasNull() ? null : departments.getOrDefault(t, "#" + t);
                    return new PlanDayView(rs.getDate("duty_day").toLocalDate(), rs.getBoolean("working"), turn);
                }).list();
        return new Detail(r, duties, days, warnings(r, duties));
    }

    /** The duty of a centre today from its published rosters, after swaps (for the roster page's 今日值班). */
    public List<Duty> onDutyToday(long centreId) {
        LocalDate today = today(centreId);
        return onDuty(centreId, today, today, null);
    }

    /** Published duties of a centre from a day on (a year ahead at most). */
    List<Duty> onDutyFrom(long centreId, LocalDate from) {
        return onDuty(centreId, from, from.plusYears(1), null);
    }

    /** A duty of a published roster that is in force (not removed, not superseded). */
    Optional<Duty> publishedDuty(long centreId, long assignmentId) {
        return onDuty(centreId, LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31), assignmentId).stream().findFirst();
    }

    private List<Duty> onDuty(long centreId, LocalDate from, LocalDate to, @Nullable Long assignmentId) {
        Map<Long, String> names = names(centreId);
        Map<Long, String> departments = org.departments(centreId).stream()
                .collect(Collectors.toMap(DepartmentInfo::id, DepartmentInfo::name));
        return jdbc.sql("select a.* from duty_assignment a join duty_roster r on r.id = a.roster_id "
                        + "where r.status = 'PUBLISHED' and a.centre_id = ? and a.duty_day between ? and ? "
                        + "and a.removed_at is null and a.superseded_by_roster_id is null and (? or a.id = ?) "
                        + "order by a.duty_day, case a.duty_role when 'LEADER' then 0 when 'STAFF' then 1 else 2 end, a.id")
                .params(centreId, from, to, assignmentId == null, assignmentId == null ? -1L : assignmentId)
                .query((rs, n) -> duty(rs, names, departments)).list();
    }

    Map<Long, String> names(long centreId) {
        return org.staffOfCentre(centreId).stream().collect(Collectors.toMap(StaffSummary::id, StaffSummary::name));
    }

    private Duty duty(ResultSet rs, Map<Long, String> names, Map<Long, String> departments) throws SQLException {
        long staff = rs.getLong("staff_id");
        long dept = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : dept;
        long served = rs.getLong("served_by_staff_id");
        Long servedBy = rs.wasNull() ? null : served;
        return new Duty(rs.getLong("id"), rs.getLong("roster_id"), rs.getDate("duty_day").toLocalDate(),
                DutyRole.valueOf(rs.getString("duty_role")), staff, name(names, staff), department,
                department == null ? null : departments.get(department), servedBy,
                servedBy == null ? null : name(names, servedBy), rs.getTimestamp("removed_at") != null,
                rs.getObject("superseded_by_roster_id") != null);
    }

    private String name(Map<Long, String> names, long staffId) {
        String n = names.get(staffId);
        return n != null ? n : org.staff(staffId).map(StaffSummary::name).orElse("#" + staffId);
    }

    /** What is wrong with each day of a roster: too few duty staff, a missing leader or supervisor, someone on leave. */
    List<Warning> warnings(Roster r, List<Duty> duties) {
        List<Warning> warnings = new ArrayList<>();
        if (r.status() != RosterStatus.DRAFT && r.status() != RosterStatus.PUBLISHED) {
            return warnings;
        }
        Map<Long, Set<LocalDate>> away = leaveDays(r.centreId(), r.firstDay(), r.lastDay());
        List<PlanDay> days = jdbc.sql("select * from duty_roster_day where roster_id = ? order by duty_day")
                .param(r.id()).query((rs, n) -> {
                    long t = rs.getLong("turn_department_id");
                    Long turn = rs.wasNull() ? null : t;
                    return new PlanDay(rs.getDate("duty_day").toLocalDate(), rs.getBoolean("working"), turn);
                }).list();
        for (PlanDay d : days) {
            List<Duty> on = duties.stream().filter(x -> x.day().equals(d.day()) && !x.removed() && !x.superseded())
                    .toList();
            if (on.isEmpty() && r.status() == RosterStatus.PUBLISHED) {
                continue; // a day taken over by a later roster
            }
            long staff = on.stream().filter(x -> x.role() == DutyRole.STAFF).count();
            int min = d.working() ? rules.minStaffPerDay() : rules.holidayStaff();
            if (staff < min) {
                warnings.add(new Warning(d.day(), "duty.roster.warning.fewStaff", List.of(d.day(), staff, min), true));
            }
            if (on.stream().noneMatch(x -> x.role() == DutyRole.LEADER)) {
                warnings.add(new Warning(d.day(), "duty.roster.warning.noLeader", List.of(d.day()), true));
            }
            if (d.turnDepartmentId() != null) {
                Optional<Duty> sup = on.stream().filter(x -> x.role() == DutyRole.SUPERVISOR).findFirst();
                if (sup.isEmpty()) {
                    warnings.add(new Warning(d.day(), "duty.roster.warning.noSupervisor", List.of(d.day()), true));
                } else if (!d.turnDepartmentId().equals(sup.get().departmentId())) {
                    warnings.add(new Warning(d.day(), "duty.roster.warning.supervisorTurn",
                            List.of(d.day(), sup.get().staffName()), false));
                }
            }
            for (Duty x : on) {
                if (away.getOrDefault(x.servingStaffId(), Set.of()).contains(d.day())) {
                    warnings.add(new Warning(d.day(), "duty.roster.warning.onLeave",
                            List.of(d.day(), x.servedByName() != null ? x.servedByName() : x.staffName()), true));
                }
            }
        }
        return warnings;
    }

    record PlanDay(LocalDate day, boolean working, @Nullable Long turnDepartmentId) {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // editing a draft

    /** Puts another person in a duty of a draft. Refused for someone on leave that day or already on duty that day. */
    public List<Warning> replace(long assignmentId, long staffId) {
        return inTx(() -> {
            Duty duty = assignment(assignmentId);
            Roster r = draftForEdit(duty.rosterId());
            StaffSummary person = checkAssignable(r, duty.day(), staffId, assignmentId);
            jdbc.sql("update duty_assignment set staff_id = ?, department_id = ? where id = ?")
                    .params(staffId, person.departmentId(), assignmentId).update();
            touch(r);
            audit.record(r.centreId(), "DutyAssignment", String.valueOf(assignmentId), "REPLACE",
                    Map.of("staffId", duty.staffId()), Map.of("staffId", staffId));
            return dayWarnings(r.id(), duty.day());
        });
    }

    /** Adds a duty staff to a day of a draft. */
    public List<Warning> addStaff(long rosterId, LocalDate day, long staffId) {
        return inTx(() -> {
            Roster r = draftForEdit(rosterId);
            boolean planned = jdbc.sql("select count(*) from duty_roster_day where roster_id = ? and duty_day = ?")
                    .params(rosterId, day).query(Integer.class).single() > 0;
            if (!planned) {
                throw DomainException.invalid("day", "duty.roster.error.dayNotPlanned", day);
            }
            StaffSummary person = checkAssignable(r, day, staffId, null);
            Optional<Long> removed = jdbc.sql("select id from duty_assignment where roster_id = ? and duty_day = ? "
                            + "and staff_id = ? and removed_at is not null")
                    .params(rosterId, day, staffId).query(Long.class).optional();
            long id;
            if (removed.isPresent()) {
                id = removed.get();
                jdbc.sql("update duty_assignment set removed_at = null, duty_role = 'STAFF', department_id = ? where id = ?")
                        .params(person.departmentId(), id).update();
            } else {
                id = insert(jdbc.sql("insert into duty_assignment (roster_id, centre_id, duty_day, duty_role, staff_id, "
                                + "department_id) values (?, ?, ?, 'STAFF', ?, ?)")
                        .params(rosterId, r.centreId(), day, staffId, person.departmentId()));
            }
            touch(r);
            audit.record(r.centreId(), "DutyAssignment", String.valueOf(id), "ADD", null,
                    Map.of("day", day.toString(), "role", "STAFF", "staffId", staffId));
            return dayWarnings(rosterId, day);
        });
    }

    /** Takes a duty staff off a day of a draft (the row stays, marked removed); the day is warned when left short. */
    public List<Warning> removeStaff(long assignmentId) {
        return inTx(() -> {
            Duty duty = assignment(assignmentId);
            Roster r = draftForEdit(duty.rosterId());
            if (duty.role() != DutyRole.STAFF || duty.removed()) {
                throw DomainException.invalid("assignment", "duty.roster.error.removeOnlyStaff");
            }
            jdbc.sql("update duty_assignment set removed_at = ? where id = ?")
                    .params(ts(clock.instant()), assignmentId).update();
            touch(r);
            audit.record(r.centreId(), "DutyAssignment", String.valueOf(assignmentId), "REMOVE",
                    Map.of("day", duty.day().toString(), "staffId", duty.staffId()), null);
            return dayWarnings(r.id(), duty.day());
        });
    }

    private List<Warning> dayWarnings(long rosterId, LocalDate day) {
        return detail(rosterId).warnings().stream().filter(w -> w.day().equals(day)).toList();
    }

    private StaffSummary checkAssignable(Roster r, LocalDate day, long staffId, @Nullable Long replacing) {
        StaffSummary person = org.staff(staffId).filter(StaffSummary::active)
                .orElseThrow(() -> DomainException.invalid("staffId", "duty.roster.error.unknownStaff"));
        if (person.centreId() != r.centreId()) {
            throw DomainException.invalid("staffId", "duty.roster.error.otherCentre", person.name());
        }
        if (!leave.approvedLeaveOf(staffId, day, day).isEmpty()) {
            throw DomainException.unprocessable("duty.roster.error.onLeave", person.name(), day);
        }
        int already = jdbc.sql("select count(*) from duty_assignment where roster_id = ? and duty_day = ? "
                        + "and staff_id = ? and removed_at is null and id <> ?")
                .params(r.id(), day, staffId, replacing == null ? -1L : replacing).query(Integer.class).single();
        if (already > 0) {
            throw DomainException.conflict("duty.roster.error.alreadyOnDuty", person.name(), day);
        }
        return person;
    }

    private Duty assignment(long assignmentId) {
        Optional<Long> roster = jdbc.sql("select roster_id from duty_assignment where id = ?").param(assignmentId)
                .query(Long.class).optional();
        if (roster.isEmpty()) {
            throw DomainException.notFound("duty.roster.error.assignmentNotFound", assignmentId);
        }
        return detail(roster.get()).duties().stream().filter(d -> d.id() == assignmentId).findFirst().orElseThrow();
    }

    private Roster draftForEdit(long rosterId) {
        Roster r = roster(rosterId);
        requirePlanner(r.centreId());
        if (r.status() != RosterStatus.DRAFT) {
            throw DomainException.conflict("duty.roster.error.notDraft");
        }
        return r;
    }

    private void touch(Roster r) {
        int n = jdbc.sql("update duty_roster set version = version + 1 where id = ? and version = ?")
                .params(r.id(), r.version()).update();
        if (n == 0) {
            throw DomainException.conflict("duty.roster.error.changed");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // publishing

    /**
     * Publishes a draft: refused while a day has too few duty staff, no leader or supervisor, or someone on leave.
     * Days of earlier published rosters of the same kind that this one covers are superseded (their duty hours
     * cleared); every duty's hours go to attendance (行政服务中心值班制度 二.2).
     */
    public void publish(long rosterId) {
        String actor = users.actorName();
        inTx(() -> {
            Roster r = draftForEdit(rosterId);
            Detail d = detail(rosterId);
            List<Warning> blocking = d.warnings().stream().filter(Warning::blocking).toList();
            if (!blocking.isEmpty()) {
                String days = blocking.stream().map(w -> w.day().toString()).distinct().collect(Collectors.joining("、"));
                throw DomainException.unprocessable("duty.roster.error.cannotPublish", days);
            }
            List<Duty> older = jdbc.sql("select a.* from duty_assignment a join duty_roster r on r.id = a.roster_id "
                            + "where r.centre_id = ? and r.kind = ? and r.status = 'PUBLISHED' and a.duty_day between ? and ? "
                            + "and a.removed_at is null and a.superseded_by_roster_id is null")
                    .params(r.centreId(), r.kind().name(), r.firstDay(), r.lastDay())
                    .query((rs, n) -> duty(rs, Map.of(), Map.of())).list();
            for (Duty o : older) {
                jdbc.sql("update duty_assignment set superseded_by_roster_id = ? where id = ?").params(rosterId, o.id())
                        .update();
                attendance.clearDutyHours(r.centreId(), o.servingStaffId(), o.day(), source(o.rosterId()), actor);
            }
            for (long old : older.stream().map(Duty::rosterId).distinct().toList()) {
                int left = jdbc.sql("select count(*) from duty_assignment where roster_id = ? and removed_at is null "
                        + "and superseded_by_roster_id is null").param(old).query(Integer.class).single();
                if (left == 0) {
                    jdbc.sql("update duty_roster set status = 'SUPERSEDED', version = version + 1 where id = ?")
                            .param(old).update();
                }
                audit.record(r.centreId(), "DutyRoster", String.valueOf(old), left == 0 ? "SUPERSEDE" : "SUPERSEDE_DAYS",
                        null, Map.of("by", rosterId, "from", r.firstDay().toString(), "to", r.lastDay().toString()));
            }
            int published = jdbc.sql("update duty_roster set status = 'PUBLISHED', published_at = ?, published_by = ?, "
                            + "version = version + 1 where id = ? and version = ? and status = 'DRAFT'")
                    .params(ts(clock.instant()), actor, rosterId, r.version()).update();
            if (published == 0) {
                throw DomainException.conflict("duty.roster.error.changed");
            }
            for (Duty x : d.duties()) {
                if (!x.removed()) {
                    attendance.setDutyHours(r.centreId(), x.servingStaffId(), x.day(), rules.dutyStart(),
                            rules.dutyEnd(), source(rosterId), actor);
                }
            }
            audit.record(r.centreId(), "DutyRoster", String.valueOf(rosterId), "PUBLISH", Map.of("status", "DRAFT"),
                    Map.of("status", "PUBLISHED", "superseded", older.size()));
            return null;
        });
    }

    /** Sets a draft aside (it stays, DISCARDED), e.g. to plan the same days again. */
    public void discard(long rosterId) {
        String actor = users.actorName();
        inTx(() -> {
            Roster r = draftForEdit(rosterId);
            jdbc.sql("update duty_roster set status = 'DISCARDED', discarded_at = ?, discarded_by = ?, "
                    + "version = version + 1 where id = ?").params(ts(clock.instant()), actor, r.id()).update();
            audit.record(r.centreId(), "DutyRoster", String.valueOf(rosterId), "DISCARD", Map.of("status", "DRAFT"),
                    Map.of("status", "DISCARDED"));
            return null;
        });
    }

    static String source(long rosterId) {
        return "roster:" + rosterId;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The centre office of the centre or ADMIN; without a signed-in user (loaders) the system. */
    void requirePlanner(long centreId) {
        Optional<CurrentUser> current = users.current();
        if (current.isEmpty()) {
            return;
        }
        CurrentUser user = current.get();
        if (!user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE) || !user.canSeeCentre(centreId)) {
            throw DomainException.forbidden("duty.roster.error.forbidden");
        }
    }

    CentreInfo centre(long centreId) {
        return org.centre(centreId).orElseThrow(() -> DomainException.notFound("duty.roster.error.noCentre"));
    }

    private <T> T inTx(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /** Runs an insert and returns the generated id (portable: H2 has no {@code returning}). */
    static long insert(JdbcClient.StatementSpec insert) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        insert.update(keys, "id");
        Number id = keys.getKeyAs(Number.class);
        if (id == null) {
            throw new IllegalStateException("no generated key");
        }
        return id.longValue();
    }

    static java.sql.Timestamp ts(Instant i) {
        return java.sql.Timestamp.from(i);
    }

    static Roster roster(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        return new Roster(rs.getLong("id"), rs.getLong("centre_id"), rs.getDate("first_day").toLocalDate(),
                rs.getDate("last_day").toLocalDate(), RosterKind.valueOf(rs.getString("kind")),
                RosterStatus.valueOf(rs.getString("status")), rs.getInt("cycle_weeks"), rs.getString("solver_score"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                published == null ? null : published.toInstant(), rs.getString("published_by"), rs.getInt("version"));
    }

    /** Leave-free check used by swaps. */
    boolean onLeave(long staffId, LocalDate day) {
        return !leave.approvedLeaveOf(staffId, day, day).isEmpty();
    }

}
