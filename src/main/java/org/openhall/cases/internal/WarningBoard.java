package org.openhall.cases.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.cases.WarningLevel;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The warnings board (CASE-5 电子监察): the red and yellow cases and steps of a centre as the last scan left them, red
 * first, then by due date, with the working days overdue or left, and the counts of each kind.
 */
@Service
public class WarningBoard {

    /** One warned case or step. {@code workingDays}: overdue (RED) or left (YELLOW), null if the calendar cannot say. */
    public record Row(boolean step, long caseId, @Nullable Long stepId, String number, String itemName,
            @Nullable String stepKind, long departmentId, String departmentName, @Nullable Long staffId,
            @Nullable String staffName, LocalDate dueDate, WarningLevel level, @Nullable Integer workingDays) {
    }

    public record Counts(long casesRed, long casesYellow, long stepsRed, long stepsYellow) {

        public long total() {
            return casesRed + casesYellow + stepsRed + stepsYellow;
        }
    }

    public record Page(List<Row> rows, Counts counts, long total, int page, int pages, WarningScan.Dates dates,
            Optional<WarningScan.LastScan> lastScan) {

        public Page {
            rows = List.copyOf(rows);
        }
    }

    private final JdbcClient jdbc;
    private final CalendarApi calendar;
    private final OrganizationApi organization;
    private final WarningScan scan;
    private final WarningRules rules;

    WarningBoard(JdbcClient jdbc, CalendarApi calendar, OrganizationApi organization, WarningScan scan,
            WarningRules rules) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.organization = organization;
        this.scan = scan;
        this.rules = rules;
    }

    private static final String RUNNING = WarningScan.RUNNING;

    /** The warned cases and steps of the scope, filtered by department and level, one page of them. */
    public Page board(WarningScope scope, @Nullable Long departmentFilter, @Nullable WarningLevel level, int page) {
        if (level == WarningLevel.NONE) {
            throw DomainException.invalid("level", "cases.warnings.level.invalid");
        }
        Long department = scope.department(departmentFilter);
        String levels = level == null ? "'YELLOW', 'RED'" : "'" + level.name() + "'";
        String caseDept = department == null ? "" : " and c.department_id = :d";
        String stepDept = department == null ? "" : " and coalesce(s.department_id, c.department_id) = :d";
        String cases = "select cast(0 as int) as is_step, c.id as case_id, cast(null as bigint) as step_id, c.number,"
                + " c.item_name, cast(null as varchar(24)) as step_kind, c.department_id,"
                + " c.handler_staff_id as staff_id, c.due_date, c.warning_level"
                + " from cas_case c where c.centre_id = :c and c.status in (" + RUNNING + ")"
                + " and c.warning_level in (" + levels + ")" + caseDept;
        String steps = "select cast(1 as int), s.case_id, s.id, c.number, c.item_name, s.kind,"
                + " coalesce(s.department_id, c.department_id), coalesce(s.staff_id, c.handler_staff_id), s.due_date,"
                + " s.warning_level"
                + " from cas_step s join cas_case c on c.id = s.case_id where s.centre_id = :c and s.status = :open"
                + " and c.status in (" + RUNNING + ") and s.warning_level in (" + levels + ")" + stepDept;

        Counts counts = counts(scope.centreId(), department);
        long total = level == null ? counts.total()
                : level == WarningLevel.RED ? counts.casesRed() + counts.stepsRed()
                : counts.casesYellow() + counts.stepsYellow();
        int size = rules.boardPageSize();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int p = Math.min(Math.max(page, 1), pages);

        var q = jdbc.sql("select * from (" + cases + " union all " + steps + ") w"
                        + " order by case when w.warning_level = 'RED' then 0 else 1 end, w.due_date, w.number,"
                        + " w.is_step, w.step_id limit :n offset :o")
                .param("c", scope.centreId()).param("open", WarningScan.OPEN_STEP)
                .param("n", size).param("o", (long) (p - 1) * size);
        if (department != null) {
            q = q.param("d", department);
        }
        WarningScan.Dates dates = scan.dates(scope.centreCode(), scope.zone());
        Map<Long, String> departments = new HashMap<>();
        organization.departments(scope.centreId()).forEach(d -> departments.put(d.id(), d.name()));
        Map<Long, String> staff = new HashMap<>();
        organization.staffOfCentre(scope.centreId()).forEach(s -> staff.put(s.id(), s.name()));
        List<Row> rows = q.query((rs, n) -> {
            long dept = rs.getLong("department_id");
            Long staffId = rs.getObject("staff_id", Long.class);
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            WarningLevel lv = WarningLevel.valueOf(rs.getString("warning_level"));
            return new Row(rs.getInt("is_step") == 1, rs.getLong("case_id"), rs.getObject("step_id", Long.class),
                    rs.getString("number"), rs.getString("item_name"), rs.getString("step_kind"), dept,
                    departments.computeIfAbsent(dept, this::departmentName), staffId,
                    staffId == null ? null : staff.computeIfAbsent(staffId, this::staffName), due, lv,
                    workingDays(scope.centreCode(), dates.today(), due, lv));
        }).list();
        return new Page(rows, counts, total, p, pages, dates, scan.lastScan(scope.centreId()));
    }

    /** The red and yellow cases and steps of a centre (and department). */
    public Counts counts(long centreId, @Nullable Long department) {
        String caseDept = department == null ? "" : " and c.department_id = :d";
        String stepDept = department == null ? "" : " and coalesce(s.department_id, c.department_id) = :d";
        var q = jdbc.sql("select cast(0 as int) as is_step, c.warning_level, count(*) as n from cas_case c"
                        + " where c.centre_id = :c and c.status in (" + RUNNING + ")"
                        + " and c.warning_level in ('YELLOW', 'RED')" + caseDept + " group by c.warning_level"
                        + " union all select cast(1 as int), s.warning_level, count(*) from cas_step s"
                        + " join cas_case c on c.id = s.case_id where s.centre_id = :c and s.status = :open"
                        + " and c.status in (" + RUNNING + ") and s.warning_level in ('YELLOW', 'RED')" + stepDept
                        + " group by s.warning_level")
                .param("c", centreId).param("open", WarningScan.OPEN_STEP);
        if (department != null) {
            q = q.param("d", department);
        }
        long[] n = new long[4];
        q.query((rs, i) -> {
            int at = (rs.getInt(1) == 1 ? 2 : 0) + ("RED".equals(rs.getString(2)) ? 0 : 1);
            n[at] = rs.getLong(3);
            return at;
        }).list();
        return new Counts(n[0], n[1], n[2], n[3]);
    }

    /** The departments a filter may offer: every one of the centre, or the user's own. */
    public List<DepartmentInfo> departments(WarningScope scope) {
        List<DepartmentInfo> all = organization.departments(scope.centreId());
        return scope.departmentLimit() == null ? all
                : all.stream().filter(d -> d.id() == scope.departmentLimit()).toList();
    }

    private @Nullable Integer workingDays(String centreCode, LocalDate today, LocalDate due, WarningLevel level) {
        try {
            return level == WarningLevel.RED ? calendar.workingDaysBetween(centreCode, due, today)
                    : calendar.workingDaysBetween(centreCode, today, due);
        } catch (DomainException e) {
            return null;
        }
    }

    private String departmentName(long id) {
        return organization.department(id).map(DepartmentInfo::name).orElse("#" + id);
    }

    private String staffName(long id) {
        return organization.staff(id).map(StaffSummary::name).orElse("#" + id);
    }
}
