package org.openhall.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Cases and steps for the warning tests, written straight into {@code cas_case} / {@code cas_step} (the scan reads
 * nothing else): a case with a status, a due date, a department and a handler; an open or done step with its own due
 * date. Numbers are unique across the test run.
 */
public final class WarningTestCases {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Instant RECEIVED = Instant.parse("2026-09-01T01:00:00Z");

    private final JdbcClient jdbc;
    private final long centreId;

    public WarningTestCases(JdbcClient jdbc, long centreId) {
        this.jdbc = jdbc;
        this.centreId = centreId;
    }

    /** An open case with a running clock (PROCESSING). */
    public long processing(String itemCode, String itemName, long departmentId, @Nullable Long handler, LocalDate due) {
        return insert(itemCode, itemName, departmentId, null, handler, CaseStatus.PROCESSING, due, null, null);
    }

    public long insert(String itemCode, String itemName, long departmentId, @Nullable Long windowId,
            @Nullable Long handler, CaseStatus status, @Nullable LocalDate due, @Nullable Instant completedAt,
            @Nullable Boolean onTime) {
        int n = SEQ.incrementAndGet();
        String number = "WT-%d-20260901-%04d".formatted(centreId, n);
        var keys = new GeneratedKeyHolder();
        Timestamp t = Timestamp.from(RECEIVED);
        jdbc.sql("""
                        insert into cas_case (centre_id, number, item_id, item_version_id, item_code, item_name, item_type,
                            department_id, window_id, handler_staff_id, channel, applicant_kind, applicant_name,
                            applicant_mobile, status, received_at, clock_started_at, accepted_at, limit_days, due_date,
                            completed_at, completed_on_time, result, created_at, updated_at)
                        values (:c, :number, 1, 1, :code, :name, 'COMMITTED', :dept, :window, :handler, 'WINDOW', 'PERSON',
                            '申请人', '13800000000', :status, :t, :t, :t, 20, :due, :completed, :onTime, :result, :t, :t)""")
                .param("c", centreId).param("number", number).param("code", itemCode).param("name", itemName)
                .param("dept", departmentId).param("window", windowId).param("handler", handler)
                .param("status", status.name()).param("t", t).param("due", due)
                .param("completed", completedAt == null ? null : Timestamp.from(completedAt))
                .param("onTime", onTime).param("result", completedAt == null ? null : CaseResult.APPROVED.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A step of a case: an assisting department's opinion (OPEN until done) with its own due date. */
    public long step(long caseId, String kind, @Nullable Long departmentId, @Nullable Long staffId, LocalDate due,
            String status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into cas_step (case_id, centre_id, kind, department_id, staff_id, actor, due_date, status,
                            created_at)
                        values (:case, :c, :kind, :dept, :staff, 'test', :due, :status, :t)""")
                .param("case", caseId).param("c", centreId).param("kind", kind).param("dept", departmentId)
                .param("staff", staffId).param("due", due).param("status", status)
                .param("t", Timestamp.from(RECEIVED)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public String number(long caseId) {
        return jdbc.sql("select number from cas_case where id = :id").param("id", caseId).query(String.class).single();
    }

    public WarningLevel level(long caseId) {
        return WarningLevel.valueOf(jdbc.sql("select warning_level from cas_case where id = :id").param("id", caseId)
                .query(String.class).single());
    }

    public WarningLevel stepLevel(long stepId) {
        return WarningLevel.valueOf(jdbc.sql("select warning_level from cas_step where id = :id").param("id", stepId)
                .query(String.class).single());
    }

    /** What the core does when a change moves the due date: a new date, the warning back to NONE. */
    public void moveDueDate(long caseId, LocalDate due) {
        jdbc.sql("update cas_case set due_date = :d, warning_level = 'NONE', warning_at = null where id = :id")
                .param("d", due).param("id", caseId).update();
    }

    public void setStatus(long caseId, CaseStatus status) {
        jdbc.sql("update cas_case set status = :s where id = :id").param("s", status.name()).param("id", caseId).update();
    }
}
