package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders on duty (DUTY-6, 领导坐班): the department leaders the centre office keeps (head and deputies, 窗口部门负责人值班
 * 制度 二), the days they report one week ahead (窗口岗位值班制度 五), the attendance the centre registers on the day
 * and the list of departments that did not comply, for the bulletin (七).
 */
@Service
@org.springframework.modulith.NamedInterface("leaders")
public class LeaderDuty {

    /** A department's head or deputy. */
    public record DeptLeader(long id, long centreId, long departmentId, String departmentName, long staffId,
            String staffName, LeaderKind kind) {
    }

    /** A reported sit-in day with its registered attendance. */
    public record SitIn(long id, long centreId, long departmentId, String departmentName, long leaderStaffId,
            String leaderName, LocalDate day, LocalDate weekMonday, boolean withdrawn, boolean late, Instant reportedAt,
            String reportedBy, SitInAttendance attendance, @Nullable Instant attendanceAt, @Nullable String attendanceBy,
            @Nullable String attendanceNote, @Nullable Instant checkedInAt, int version) {
    }

    /** The department head on duty today by the pattern (窗口部门负责人值班制度 六). */
    public record PatternDuty(DepartmentInfo department, @Nullable LeaderKind kind, @Nullable DeptLeader leader) {
    }

    /** A department in a week that did not comply, with the reasons and what it reported. */
    public record NonCompliance(LocalDate weekMonday, LocalDate deadline, DepartmentInfo department, String leaders,
            List<SitInCompliance.Reason> reasons, List<SitIn> reported) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi organization;
    private final CalendarApi calendar;
    private final LeaderDutyRules rules;
    private final DutyPageAccess access;

    LeaderDuty(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi organization, CalendarApi calendar,
            LeaderDutyRules rules, DutyPageAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.organization = organization;
        this.calendar = calendar;
        this.rules = rules;
        this.access = access;
    }

    public LeaderDutyRules rules() {
        return rules;
    }

    // ---- department leaders (head / deputy) ----

    @Transactional(readOnly = true)
    public List<DeptLeader> deptLeaders(long centreId) {
        Map<Long, DepartmentInfo> depts = departments(centreId);
        return jdbc.sql("select * from duty_dept_leader where centre_id = :c and active order by department_id, "
                        + "leader_kind desc, id")
                .param("c", centreId)
                .query((rs, n) -> deptLeader(rs, depts)).list();
    }

    private DeptLeader deptLeader(ResultSet rs, Map<Long, DepartmentInfo> depts) throws SQLException {
        long dept = rs.getLong("department_id");
        long staff = rs.getLong("staff_id");
        DepartmentInfo d = depts.get(dept);
        return new DeptLeader(rs.getLong("id"), rs.getLong("centre_id"), dept, d == null ? "#" + dept : d.name(), staff,
                access.staffName(staff), LeaderKind.valueOf(rs.getString("leader_kind")));
    }

    /** The office names a department's head or a deputy (窗口部门负责人值班制度 二). */
    @Transactional
    public long addDeptLeader(long centreId, @Nullable Long staffId, @Nullable LeaderKind kind) {
        access.requireAnyRole(Role.ADMIN, Role.CENTRE_OFFICE);
        access.requireCentre(centreId);
        if (staffId == null) {
            throw DomainException.invalid("staffId", "duty.leaders.heads.staffRequired");
        }
        if (kind == null) {
            throw DomainException.invalid("kind", "duty.leaders.heads.kindRequired");
        }
        StaffSummary staff = organization.staff(staffId).filter(s -> s.centreId() == centreId && s.active())
                .orElseThrow(() -> DomainException.invalid("staffId", "duty.leaders.heads.staffRequired"));
        boolean exists = jdbc.sql("select count(*) from duty_dept_leader where centre_id = :c and staff_id = :s and active")
                .param("c", centreId).param("s", staffId).query(Long.class).single() > 0;
        if (exists) {
            throw DomainException.conflict("duty.leaders.heads.duplicate", staff.name());
        }
        if (kind == LeaderKind.HEAD) {
            boolean head = jdbc.sql("select count(*) from duty_dept_leader where centre_id = :c and department_id = :d "
                            + "and leader_kind = 'HEAD' and active")
                    .param("c", centreId).param("d", staff.departmentId()).query(Long.class).single() > 0;
            if (head) {
                throw DomainException.conflict("duty.leaders.heads.headExists");
            }
        }
        long id = DutyRows.insert(jdbc.sql("insert into duty_dept_leader (centre_id, department_id, staff_id, "
                        + "leader_kind, created_at, created_by) values (:c, :d, :s, :k, :at, :by)")
                .param("c", centreId).param("d", staff.departmentId()).param("s", staffId).param("k", kind.name())
                .param("at", ts(clock.instant())).param("by", access.actorName()));
        audit.record(centreId, "DutyDeptLeader", String.valueOf(id), "CREATE", null,
                Map.of("departmentId", staff.departmentId(), "staffId", staffId, "kind", kind.name()));
        return id;
    }

    @Transactional
    public void endDeptLeader(long centreId, long id) {
        access.requireAnyRole(Role.ADMIN, Role.CENTRE_OFFICE);
        access.requireCentre(centreId);
        int n = jdbc.sql("update duty_dept_leader set active = false, ended_at = :at, ended_by = :by, version = version + 1 "
                        + "where id = :id and centre_id = :c and active")
                .param("at", ts(clock.instant())).param("by", access.actorName()).param("id", id).param("c", centreId)
                .update();
        if (n == 0) {
            throw DomainException.notFound("duty.leaders.notFound");
        }
        audit.record(centreId, "DutyDeptLeader", String.valueOf(id), "END", Map.of("active", true), Map.of("active", false));
    }

    /** Who of each obliged department is on duty on {@code day} by the pattern: deputy Mon–Wed, head Thu–Fri. */
    @Transactional(readOnly = true)
    public List<PatternDuty> patternOn(long centreId, LocalDate day) {
        LeaderKind kind = rules.patternOn(day.getDayOfWeek());
        boolean working = calendar.isWorkingDay(access.centreCode(centreId), day);
        List<DeptLeader> leaders = deptLeaders(centreId);
        List<PatternDuty> out = new ArrayList<>();
        for (DepartmentInfo d : obligedDepartments(centreId)) {
            if (!working || kind == null) {
                out.add(new PatternDuty(d, null, null));
                continue;
            }
            List<DeptLeader> mine = leaders.stream().filter(l -> l.departmentId() == d.id()).toList();
            DeptLeader pick = mine.stream().filter(l -> l.kind() == kind).findFirst()
                    .or(() -> mine.stream().findFirst()).orElse(null);
            out.add(new PatternDuty(d, kind, pick));
        }
        return out;
    }

    /** The leaders a department may report for: its registered head and deputies, else its staff. */
    @Transactional(readOnly = true)
    public List<StaffSummary> reportableLeaders(long centreId, long departmentId) {
        List<Long> registered = deptLeaders(centreId).stream().filter(l -> l.departmentId() == departmentId)
                .map(DeptLeader::staffId).toList();
        List<StaffSummary> staff = organization.staffOfDepartment(departmentId);
        if (registered.isEmpty()) {
            return staff;
        }
        return staff.stream().filter(s -> registered.contains(s.id())).toList();
    }

    public List<DepartmentInfo> obligedDepartments(long centreId) {
        return organization.departments(centreId).stream().filter(d -> rules.obligedKinds().contains(d.kind())).toList();
    }

    private Map<Long, DepartmentInfo> departments(long centreId) {
        return organization.departments(centreId).stream()
                .collect(Collectors.toMap(DepartmentInfo::id, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    // ---- reports (窗口岗位值班制度 五) ----

    /** Whether the signed-in user may report the days of a department: its head, the office, or the leader. */
    public boolean mayReportFor(long centreId, long departmentId) {
        Optional<CurrentUser> u = access.user();
        if (u.isEmpty()) {
            return true;
        }
        CurrentUser user = u.get();
        if (!user.canSeeCentre(centreId)) {
            return false;
        }
        if (user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)) {
            return true;
        }
        if (user.hasRole(Role.DEPT_HEAD) && Long.valueOf(departmentId).equals(user.departmentId())) {
            return true;
        }
        Long self = user.staffId();
        return self != null && deptLeaders(centreId).stream()
                .anyMatch(l -> l.staffId() == self && l.departmentId() == departmentId);
    }

    /**
     * A department reports a day its leader will sit in the hall. The day must be a working day (CalendarApi), today
     * or later and within the weeks that take reports; a report after the deadline of the week before is accepted
     * and flagged late (窗口岗位值班制度 五, 七).
     */
    @Transactional
    public SitIn report(long centreId, @Nullable Long departmentId, @Nullable Long leaderStaffId, @Nullable LocalDate day) {
        if (departmentId == null) {
            throw DomainException.invalid("departmentId", "duty.leaders.report.departmentRequired");
        }
        DepartmentInfo dept = organization.department(departmentId).filter(d -> d.centreId() == centreId)
                .orElseThrow(() -> DomainException.invalid("departmentId", "duty.leaders.report.departmentRequired"));
        if (!mayReportFor(centreId, departmentId)) {
            throw DomainException.forbidden("duty.leaders.report.otherDepartment", dept.name());
        }
        if (leaderStaffId == null) {
            throw DomainException.invalid("leaderStaffId", "duty.leaders.report.leaderRequired");
        }
        StaffSummary leader = organization.staff(leaderStaffId)
                .filter(s -> s.departmentId() == departmentId && s.active())
                .orElseThrow(() -> DomainException.invalid("leaderStaffId", "duty.leaders.report.leaderNotInDepartment",
                        dept.name()));
        if (day == null) {
            throw DomainException.invalid("day", "duty.leaders.report.dayRequired");
        }
        LocalDate today = access.today(centreId);
        if (day.isBefore(today)) {
            throw DomainException.invalid("day", "duty.leaders.report.past", day.toString());
        }
        LocalDate last = rules.lastReportableDay(today);
        if (day.isAfter(last)) {
            throw DomainException.invalid("day", "duty.leaders.report.tooFar", day.toString(), last.toString());
        }
        if (!calendar.isWorkingDay(access.centreCode(centreId), day)) {
            throw DomainException.invalid("day", "duty.leaders.report.notWorkingDay", day.toString());
        }
        boolean duplicate = jdbc.sql("select count(*) from duty_sit_in where centre_id = :c and leader_staff_id = :s "
                        + "and sit_day = :d and status = 'REPORTED'")
                .param("c", centreId).param("s", leaderStaffId).param("d", day).query(Long.class).single() > 0;
        if (duplicate) {
            throw DomainException.conflict("duty.leaders.report.duplicate", leader.name(), day.toString());
        }
        LocalDate monday = LeaderDutyRules.monday(day);
        boolean late = rules.isLate(today, monday);
        Instant now = clock.instant();
        long id = DutyRows.insert(jdbc.sql("insert into duty_sit_in (centre_id, department_id, leader_staff_id, sit_day, "
                        + "week_monday, status, late, reported_at, reported_by) "
                        + "values (:c, :d, :s, :day, :m, 'REPORTED', :late, :at, :by)")
                .param("c", centreId).param("d", departmentId).param("s", leaderStaffId).param("day", day)
                .param("m", monday).param("late", late).param("at", ts(now)).param("by", access.actorName()));
        SitIn saved = sitIn(id).orElseThrow();
        audit.record(centreId, "DutySitIn", String.valueOf(id), "REPORT", null, state(saved));
        return saved;
    }

    /** A report withdrawn before its day by whoever may report for the department. */
    @Transactional
    public void withdraw(long centreId, long id) {
        SitIn s = sitInOf(centreId, id);
        if (!mayReportFor(centreId, s.departmentId())) {
            throw DomainException.forbidden("duty.leaders.report.otherDepartment", s.departmentName());
        }
        if (s.withdrawn()) {
            throw DomainException.conflict("duty.leaders.withdraw.already");
        }
        if (!s.day().isAfter(access.today(centreId))) {
            throw DomainException.conflict("duty.leaders.withdraw.tooLate", s.day().toString());
        }
        jdbc.sql("update duty_sit_in set status = 'WITHDRAWN', withdrawn_at = :at, withdrawn_by = :by, "
                        + "version = version + 1 where id = :id and version = :v")
                .param("at", ts(clock.instant())).param("by", access.actorName()).param("id", id).param("v", s.version())
                .update();
        audit.record(centreId, "DutySitIn", String.valueOf(id), "WITHDRAW", state(s), state(sitIn(id).orElseThrow()));
    }

    /** The office or the supervisor registers whether the leader sat in (窗口岗位值班制度 七); on or after the day. */
    @Transactional
    public SitIn mark(long centreId, long id, @Nullable SitInAttendance attendance, @Nullable String note) {
        access.requireAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR);
        SitIn s = sitInOf(centreId, id);
        if (attendance == null || attendance == SitInAttendance.PENDING) {
            throw DomainException.invalid("attendance", "duty.leaders.attendance.required");
        }
        if (s.withdrawn()) {
            throw DomainException.conflict("duty.leaders.attendance.withdrawn");
        }
        if (s.day().isAfter(access.today(centreId))) {
            throw DomainException.invalid("attendance", "duty.leaders.attendance.future", s.day().toString());
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 500) {
            throw DomainException.invalid("note", "duty.leaders.attendance.noteTooLong");
        }
        jdbc.sql("update duty_sit_in set attendance = :a, attendance_at = :at, attendance_by = :by, attendance_note = :n, "
                        + "version = version + 1 where id = :id and version = :v")
                .param("a", attendance.name()).param("at", ts(clock.instant())).param("by", access.actorName())
                .param("n", n).param("id", id).param("v", s.version()).update();
        SitIn after = sitIn(id).orElseThrow();
        audit.record(centreId, "DutySitIn", String.valueOf(id), "ATTENDANCE", state(s), state(after));
        return after;
    }

    /** The leader checks in on the page on the reported day. */
    @Transactional
    public SitIn checkIn(long centreId, long id) {
        SitIn s = sitInOf(centreId, id);
        Long self = access.staffId();
        if (access.user().isPresent() && (self == null || self != s.leaderStaffId())) {
            throw DomainException.forbidden("duty.leaders.checkIn.notYours");
        }
        if (s.withdrawn()) {
            throw DomainException.conflict("duty.leaders.attendance.withdrawn");
        }
        if (!s.day().equals(access.today(centreId))) {
            throw DomainException.conflict("duty.leaders.checkIn.notToday", s.day().toString());
        }
        if (s.attendance() == SitInAttendance.PRESENT) {
            throw DomainException.conflict("duty.leaders.checkIn.already");
        }
        Instant now = clock.instant();
        jdbc.sql("update duty_sit_in set attendance = 'PRESENT', attendance_at = :at, attendance_by = :by, "
                        + "checked_in_at = :at, version = version + 1 where id = :id and version = :v")
                .param("at", ts(now)).param("by", access.actorName()).param("id", id).param("v", s.version()).update();
        SitIn after = sitIn(id).orElseThrow();
        audit.record(centreId, "DutySitIn", String.valueOf(id), "CHECK_IN", state(s), state(after));
        return after;
    }

    // ---- queries ----

    @Transactional(readOnly = true)
    public Optional<SitIn> sitIn(long id) {
        return jdbc.sql("select * from duty_sit_in where id = :id").param("id", id).query(this::map).optional();
    }

    private SitIn sitInOf(long centreId, long id) {
        access.requireCentre(centreId);
        return sitIn(id).filter(s -> s.centreId() == centreId)
                .orElseThrow(() -> DomainException.notFound("duty.leaders.notFound"));
    }

    /** The reports (not withdrawn) of a centre over [from, to], by day and department. */
    @Transactional(readOnly = true)
    public List<SitIn> reports(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from duty_sit_in where centre_id = :c and sit_day between :f and :t "
                        + "and status = 'REPORTED' order by sit_day, department_id, id")
                .param("c", centreId).param("f", from).param("t", to).query(this::map).list();
    }

    /** A department's reports (with withdrawn ones) over [from, to]. */
    @Transactional(readOnly = true)
    public List<SitIn> reportsOfDepartment(long centreId, long departmentId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from duty_sit_in where centre_id = :c and department_id = :d and sit_day between :f "
                        + "and :t order by sit_day, id")
                .param("c", centreId).param("d", departmentId).param("f", from).param("t", to).query(this::map).list();
    }

    /** The signed-in leader's own reports over [from, to]. */
    @Transactional(readOnly = true)
    public List<SitIn> reportsOfLeader(long centreId, long staffId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from duty_sit_in where centre_id = :c and leader_staff_id = :s and sit_day between :f "
                        + "and :t and status = 'REPORTED' order by sit_day, id")
                .param("c", centreId).param("s", staffId).param("f", from).param("t", to).query(this::map).list();
    }

    /**
     * The departments that did not comply in the weeks of a month (a week belongs to the month of its Monday), for
     * the bulletin (窗口岗位值班制度 七). Only weeks whose report deadline has passed and that have a working day.
     */
    @Transactional(readOnly = true)
    public List<NonCompliance> nonCompliance(long centreId, YearMonth month) {
        LocalDate today = access.today(centreId);
        String code = access.centreCode(centreId);
        LocalDate firstMonday = LeaderDutyRules.monday(month.atDay(1));
        if (firstMonday.isBefore(month.atDay(1))) {
            firstMonday = firstMonday.plusWeeks(1);
        }
        List<DepartmentInfo> depts = obligedDepartments(centreId);
        List<DeptLeader> leaders = deptLeaders(centreId);
        List<NonCompliance> out = new ArrayList<>();
        for (LocalDate monday = firstMonday; !monday.isAfter(month.atEndOfMonth()); monday = monday.plusWeeks(1)) {
            LocalDate sunday = monday.plusDays(6);
            LocalDate deadline = rules.deadlineFor(monday);
            if (!today.isAfter(deadline)) {
                continue;
            }
            boolean anyWorkingDay = calendar.days(code, monday, sunday).stream().anyMatch(d -> d.working());
            if (!anyWorkingDay) {
                continue;
            }
            List<SitIn> week = reports(centreId, monday, sunday);
            for (DepartmentInfo d : depts) {
                List<SitIn> mine = week.stream().filter(s -> s.departmentId() == d.id()).toList();
                List<SitInCompliance.Reason> reasons = SitInCompliance.judge(mine.stream()
                        .map(s -> new SitInCompliance.Day(s.day(), s.late(), s.attendance())).toList(),
                        rules.minDaysPerWeek(), deadline, today);
                if (!reasons.isEmpty()) {
                    String names = leaders.stream().filter(l -> l.departmentId() == d.id())
                            .sorted(Comparator.comparing(DeptLeader::kind))
                            .map(DeptLeader::staffName).collect(Collectors.joining("、"));
                    out.add(new NonCompliance(monday, deadline, d, names, reasons, mine));
                }
            }
        }
        return out;
    }

    private SitIn map(ResultSet rs, int n) throws SQLException {
        long dept = rs.getLong("department_id");
        long leader = rs.getLong("leader_staff_id");
        return new SitIn(rs.getLong("id"), rs.getLong("centre_id"), dept,
                organization.department(dept).map(DepartmentInfo::name).orElse("#" + dept), leader,
                access.staffName(leader), rs.getDate("sit_day").toLocalDate(), rs.getDate("week_monday").toLocalDate(),
                "WITHDRAWN".equals(rs.getString("status")), rs.getBoolean("late"), instant(rs, "reported_at"),
                rs.getString("reported_by"), SitInAttendance.valueOf(rs.getString("attendance")),
                instantOrNull(rs, "attendance_at"), rs.getString("attendance_by"), rs.getString("attendance_note"),
                instantOrNull(rs, "checked_in_at"), rs.getInt("version"));
    }

    private static Map<String, Object> state(SitIn s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("departmentId", s.departmentId());
        m.put("leaderStaffId", s.leaderStaffId());
        m.put("day", s.day().toString());
        m.put("status", s.withdrawn() ? "WITHDRAWN" : "REPORTED");
        m.put("late", s.late());
        m.put("attendance", s.attendance().name());
        if (s.attendanceNote() != null) {
            m.put("attendanceNote", s.attendanceNote());
        }
        return m;
    }

    private static Timestamp ts(Instant i) {
        return DutyRows.ts(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        return DutyRows.instant(rs, col);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String col) throws SQLException {
        return DutyRows.instantOrNull(rs, col);
    }
}
