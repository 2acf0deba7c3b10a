package org.openhall.cases.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes case rows straight into cas_case / cas_step, for tests of the lists and queries that need many cases in
 * given states without going through intake. Numbers are fresh on every call.
 */
final class CaseRows {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;

    CaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case row; returns its id. The number is {@code prefix-<seq>}. */
    long insert(long centre, String prefix, String itemName, long department, @Nullable Long intakeStaff,
            @Nullable Long handler, String status, @Nullable LocalDate due, String warning, Instant receivedAt,
            String applicant) {
        String number = prefix + "-" + SEQ.incrementAndGet();
        var keys = new GeneratedKeyHolder();
        Timestamp t = Timestamp.from(receivedAt);
        jdbc.sql("""
                insert into cas_case (centre_id, number, item_id, item_version_id, item_code, item_name, item_type,
                    department_id, intake_staff_id, handler_staff_id, channel, applicant_kind, applicant_name,
                    applicant_id_number, applicant_mobile, status, received_at, due_date, warning_level, created_at,
                    updated_at)
                values (:centre, :number, 1, 1, :code, :item, 'COMMITTED', :dept, :intake, :handler, 'WINDOW', 'PERSON',
                    :applicant, '110105198001010011', '13912345678', :status, :t, :due, :warning, :t, :t)""")
                .param("centre", centre).param("number", number).param("code", "IT-" + prefix).param("item", itemName)
                .param("dept", department).param("intake", intakeStaff).param("handler", handler)
                .param("applicant", applicant).param("status", status).param("t", t).param("due", due)
                .param("warning", warning)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    String number(long id) {
        return jdbc.sql("select number from cas_case where id = :id").param("id", id).query(String.class).single();
    }

    /** A step of a case; {@code open} leaves it without done_at. */
    long step(long caseId, long centre, String kind, @Nullable Long department, @Nullable Long staff,
            @Nullable LocalDate due, boolean open, @Nullable String doneBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_step (case_id, centre_id, kind, department_id, staff_id, actor, due_date, status,
                    warning_level, created_at, done_at, done_by)
                values (:c, :centre, :kind, :dept, :staff, 'system', :due, :status, 'NONE', :t, :done, :doneBy)""")
                .param("c", caseId).param("centre", centre).param("kind", kind).param("dept", department)
                .param("staff", staff).param("due", due).param("status", open ? "OPEN" : "DONE")
                .param("t", Timestamp.from(at)).param("done", open ? null : Timestamp.from(at)).param("doneBy", doneBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
