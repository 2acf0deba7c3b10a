package org.openhall.cases.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.WarningLevel;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal case lists of the staff pages (CASE-4, CASE-5): the cases a clerk received (我的办件), a
 * handler's work list ordered by urgency (待办) and what they have done (已办), and the counts of the
 * landing page. Read-only, scoped to the signed-in user's centre, department and staff record (SEC-1).
 */
@Service
@Transactional(readOnly = true)
public class CaseQueryService {

    /** Open statuses a handler works on (CORRECTION_REQUIRED waits for the applicant at the window). */
    static final String WORKING = "('ACCEPTED','PROCESSING','SUSPENDED')";

    static final String OPEN = "('CORRECTION_REQUIRED','ACCEPTED','PROCESSING','SUSPENDED')";

    /** Kinds of open steps that are a task of a department of their own: the opinion on a joint item (会签). */
    static final List<String> TASK_STEPS = List.of("OPINION");

    /** The longest work list shown; a handler with more has a bigger problem than paging. */
    static final int WORK_LIST_LIMIT = 500;

    /** Urgency: RED first, then YELLOW, then by due date (none last), then first come first served. */
    public static final Comparator<CaseQueryRow> URGENCY = Comparator
            .comparing((CaseQueryRow r) -> -r.effectiveWarning().ordinal())
            .thenComparing(CaseQueryRow::effectiveDue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CaseQueryRow::receivedAt)
            .thenComparing(CaseQueryRow::number);

    private final JdbcClient jdbc;

    CaseQueryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static long staffOf(CurrentUser u) {
        return u.staffId() == null ? -1L : u.staffId();
    }

    private static long departmentOf(CurrentUser u) {
        return u.departmentId() == null ? -1L : u.departmentId();
    }

    /**
     * The handler's work list: open cases routed to them, or to their department and not yet to a person
     * (a department head sees every open case of the department), and the open opinion and review steps of
     * their department or addressed to them; most urgent first.
     */
    public List<CaseQueryRow> workList(CurrentUser u) {
        if (u.centreId() == null) {
            return List.of();
        }
        boolean wholeDepartment = u.hasRole(Role.DEPT_HEAD);
        List<CaseQueryRow> rows = new ArrayList<>(jdbc.sql("select " + CaseQueryRow.COLUMNS + " from cas_case c"
                        + " where c.centre_id = :centre and c.status in " + WORKING
                        + " and (c.handler_staff_id = :staff or (c.department_id = :dept and ("
                        + (wholeDepartment ? "1 = 1" : "c.handler_staff_id is null") + ")))"
                        + " order by c.due_date, c.received_at limit " + WORK_LIST_LIMIT)
                .param("centre", u.centreId()).param("staff", staffOf(u)).param("dept", departmentOf(u))
                .query(CaseQueryRow::map).list());
        rows.addAll(jdbc.sql("select " + CaseQueryRow.COLUMNS + ", s.id as step_id, s.kind as step_kind,"
                        + " s.due_date as step_due, s.warning_level as step_warning"
                        + " from cas_step s join cas_case c on c.id = s.case_id"
                        + " where s.centre_id = :centre and s.status = 'OPEN' and s.kind in (:kinds)"
                        + " and c.status in " + WORKING + " and (s.staff_id = :staff or s.department_id = :dept)"
                        + " order by s.due_date limit " + WORK_LIST_LIMIT)
                .param("centre", u.centreId()).param("kinds", TASK_STEPS).param("staff", staffOf(u))
                .param("dept", departmentOf(u)).query(CaseQueryRow::mapWithStep).list());
        rows.sort(URGENCY);
        return rows.size() > WORK_LIST_LIMIT ? List.copyOf(rows.subList(0, WORK_LIST_LIMIT)) : List.copyOf(rows);
    }

    /** 已办: cases in which the user has done a step, the most recently changed first. */
    public CaseQueryPage done(CurrentUser u, int page, int size) {
        if (u.centreId() == null) {
            return new CaseQueryPage(List.of(), 0, size, 0);
        }
        String where = " from cas_case c where c.centre_id = :centre and exists (select 1 from cas_step s"
                + " where s.case_id = c.id and s.done_at is not null and (s.done_by = :username or s.staff_id = :staff))";
        long total = jdbc.sql("select count(*)" + where).param("centre", u.centreId()).param("username", u.username())
                .param("staff", staffOf(u)).query(Long.class).single();
        List<CaseQueryRow> rows = jdbc.sql("select " + CaseQueryRow.COLUMNS + where
                        + " order by c.updated_at desc, c.id desc limit :limit offset :offset")
                .param("centre", u.centreId()).param("username", u.username()).param("staff", staffOf(u))
                .param("limit", size).param("offset", (long) page * size).query(CaseQueryRow::map).list();
        return new CaseQueryPage(rows, page, size, total);
    }

    /** 我的办件: the cases this clerk received, newest first, optionally of one status. */
    public CaseQueryPage mine(CurrentUser u, @Nullable CaseStatus status, int page, int size) {
        if (u.centreId() == null || u.staffId() == null) {
            return new CaseQueryPage(List.of(), 0, size, 0);
        }
        String where = " from cas_case c where c.centre_id = :centre and c.intake_staff_id = :staff"
                + (status == null ? "" : " and c.status = :status");
        var count = jdbc.sql("select count(*)" + where).param("centre", u.centreId()).param("staff", u.staffId());
        var list = jdbc.sql("select " + CaseQueryRow.COLUMNS + where
                        + " order by c.received_at desc, c.id desc limit :limit offset :offset")
                .param("centre", u.centreId()).param("staff", u.staffId())
                .param("limit", size).param("offset", (long) page * size);
        if (status != null) {
            count = count.param("status", status.name());
            list = list.param("status", status.name());
        }
        return new CaseQueryPage(list.query(CaseQueryRow::map).list(), page, size, count.query(Long.class).single());
    }

    /** The small numbers of the landing page. */
    public record Counts(long mineOpen, long work, long allOpen, long yellow, long red) {
    }

    public Counts counts(CurrentUser u) {
        if (u.centreId() == null) {
            return new Counts(0, 0, 0, 0, 0);
        }
        long mine = u.staffId() == null ? 0 : jdbc.sql("select count(*) from cas_case c where c.centre_id = :centre"
                        + " and c.intake_staff_id = :staff and c.status in " + OPEN)
                .param("centre", u.centreId()).param("staff", u.staffId()).query(Long.class).single();
        long work = u.staffId() == null && u.departmentId() == null ? 0 : workList(u).size();
        String scope = u.seesAllDepartments() ? "" : " and c.department_id = :dept";
        var all = jdbc.sql("select c.warning_level, count(*) as n from cas_case c where c.centre_id = :centre"
                        + " and c.status in " + OPEN + scope + " group by c.warning_level")
                .param("centre", u.centreId());
        if (!u.seesAllDepartments()) {
            all = all.param("dept", departmentOf(u));
        }
        long open = 0;
        long yellow = 0;
        long red = 0;
        for (var row : all.query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list()) {
            long n = (Long) row[1];
            open += n;
            if (WarningLevel.YELLOW.name().equals(row[0])) {
                yellow = n;
            } else if (WarningLevel.RED.name().equals(row[0])) {
                red = n;
            }
        }
        return new Counts(mine, work, open, yellow, red);
    }
}
