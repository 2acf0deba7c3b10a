package org.openhall.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes case rows straight into the case tables for the progress query tests (CASE-6), in any state, without
 * going through the intake: the query only reads them.
 */
final class ProgressRows {

    static final String NAME = "段誉";
    static final String ID_NUMBER = "110105198001012038";
    static final String MOBILE = "18012341999";
    static final String ADDRESS = "大理国镇南王府";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    private final long centreId;
    private final String centreCode;

    ProgressRows(JdbcClient jdbc, long centreId, String centreCode) {
        this.jdbc = jdbc;
        this.centreId = centreId;
        this.centreCode = centreCode;
    }

    String nextNumber() {
        return centreCode + "-20261123-" + "%04d".formatted(SEQ.incrementAndGet());
    }

    static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** A case of the 城乡居民医保参保登记 item with the test applicant. */
    long insertCase(String number, long departmentId, CaseStatus status, Instant receivedAt, @Nullable Instant acceptedAt,
            @Nullable LocalDate dueDate, WarningLevel warning) {
        jdbc.sql("""
                insert into cas_case (centre_id, number, item_id, item_version_id, item_code, item_name, item_type,
                    department_id, channel, applicant_kind, applicant_name, applicant_id_number, applicant_mobile,
                    applicant_address, status, received_at, clock_started_at, accepted_at, limit_days, due_date,
                    warning_level, created_at, updated_at)
                values (:centre, :number, 1, 1, 'YB-001', '城乡居民医保参保登记', 'COMMITTED', :dept, 'WINDOW', 'PERSON',
                    :name, :id, :mobile, :address, :status, :received, :accepted, :accepted, 5, :due, :warning,
                    :received, :received)""")
                .param("centre", centreId).param("number", number).param("dept", departmentId).param("name", NAME)
                .param("id", ID_NUMBER).param("mobile", MOBILE).param("address", ADDRESS).param("status", status.name())
                .param("received", at(receivedAt)).param("accepted", acceptedAt == null ? null : at(acceptedAt))
                .param("due", dueDate).param("warning", warning.name()).update();
        return jdbc.sql("select id from cas_case where number = :n").param("n", number).query(Long.class).single();
    }

    void step(long caseId, String kind, @Nullable Long departmentId, Instant createdAt, @Nullable LocalDate dueDate,
            @Nullable Instant doneAt) {
        jdbc.sql("""
                insert into cas_step (case_id, centre_id, kind, department_id, staff_id, actor, note, due_date, status,
                    created_at, done_at, done_by)
                values (:case, :centre, :kind, :dept, 7, 't-clerk', :note, :due, :status, :created, :done, :doneBy)""")
                .param("case", caseId).param("centre", centreId).param("kind", kind).param("dept", departmentId)
                .param("note", "经办人张伟电话13900001234").param("due", dueDate)
                .param("status", doneAt == null ? "OPEN" : "DONE").param("created", at(createdAt))
                .param("done", doneAt == null ? null : at(doneAt)).param("doneBy", doneAt == null ? null : "t-clerk").update();
    }

    void suspension(long caseId, SuspensionReason reason, Instant startedAt) {
        jdbc.sql("""
                insert into cas_suspension (case_id, centre_id, reason, note, started_at, started_by)
                values (:case, :centre, :reason, '专家评审', :started, 't-clerk')""")
                .param("case", caseId).param("centre", centreId).param("reason", reason.name())
                .param("started", at(startedAt)).update();
    }

    void material(long caseId, String code, String name, String state) {
        jdbc.sql("""
                insert into cas_material (case_id, centre_id, material_code, name, requirement, status)
                values (:case, :centre, :code, :name, 'REQUIRED', :state)""")
                .param("case", caseId).param("centre", centreId).param("code", code).param("name", name)
                .param("state", state).update();
    }
}
