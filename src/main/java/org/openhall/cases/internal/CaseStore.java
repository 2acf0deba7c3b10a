package org.openhall.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.NoticeKind;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.shared.DomainException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The case tables ({@code cas_*}), read and written with plain SQL that runs on H2 and PostgreSQL. */
@Repository
class CaseStore {

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static long id(org.springframework.jdbc.support.KeyHolder keys) {
        Number n = keys.getKeyAs(Number.class);
        if (n == null) {
            n = keys.getKey();
        }
        if (n == null) {
            throw new IllegalStateException("no generated key");
        }
        return n.longValue();
    }

    static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    // ------------------------------------------------------------------ cases

    Optional<CaseRecord> find(String number) {
        return jdbc.sql("select * from cas_case where number = :n").param("n", number).query(CaseRecord::map).optional();
    }

    Optional<CaseRecord> findById(long id) {
        return jdbc.sql("select * from cas_case where id = :id").param("id", id).query(CaseRecord::map).optional();
    }

    long insert(CaseRecord c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_case (centre_id, number, item_id, item_version_id, item_code, item_name, item_type,
                    department_id, window_id, intake_staff_id, handler_staff_id, channel, applicant_kind, applicant_name,
                    applicant_id_number, applicant_credit_code, applicant_mobile, applicant_email, applicant_address,
                    green_channel, status, received_at, clock_started_at, accepted_at, limit_days, extension_days,
                    suspended_days, due_date, pending_materials_due, warning_level, rejection_reason, rejection_redirect,
                    deferral_signed, correction_late, correction_issued_at, version, created_at, updated_at)
                values (:centre, :number, :item, :itemVersion, :itemCode, :itemName, :itemType, :dept, :window, :intake,
                    :handler, :channel, :kind, :name, :idNumber, :creditCode, :mobile, :email, :address, :green, :status,
                    :received, :clock, :accepted, :limit, 0, 0, :due, :pending, 'NONE', :rejection, :redirect, :signed,
                    :late, :correctionAt, 0, :t, :t)""")
                .param("centre", c.centreId).param("number", c.number).param("item", c.itemId)
                .param("itemVersion", c.itemVersionId).param("itemCode", c.itemCode).param("itemName", c.itemName)
                .param("itemType", c.itemType.name()).param("dept", c.departmentId).param("window", c.windowId)
                .param("intake", c.intakeStaffId).param("handler", c.handlerStaffId).param("channel", c.channel.name())
                .param("kind", c.applicantKind.name()).param("name", c.applicantName)
                .param("idNumber", c.applicantIdNumber).param("creditCode", c.applicantCreditCode)
                .param("mobile", c.applicantMobile).param("email", c.applicantEmail).param("address", c.applicantAddress)
                .param("green", c.greenChannel).param("status", c.status.name()).param("received", ts(c.receivedAt))
                .param("clock", ts(c.clockStartedAt)).param("accepted", ts(c.acceptedAt)).param("limit", c.limitDays)
                .param("due", c.dueDate).param("pending", c.pendingMaterialsDue).param("rejection", c.rejectionReason)
                .param("redirect", c.rejectionRedirect).param("signed", c.deferralSigned).param("late", c.correctionLate)
                .param("correctionAt", ts(c.correctionIssuedAt)).param("t", ts(c.createdAt))
                .update(keys, "id");
        return id(keys);
    }

    /**
     * Writes the changed case back if nobody changed it since it was read (optimistic lock on {@code version}): of two
     * concurrent commands on the same case exactly one wins, the other gets a 409 and writes nothing.
     */
    void update(CaseRecord c) {
        int rows;
        try {
            rows = jdbc.sql("""
                    update cas_case set department_id = :dept, handler_staff_id = :handler, status = :status,
                        suspended_from = :from, clock_started_at = :clock, accepted_at = :accepted, limit_days = :limit,
                        extension_days = :ext, suspended_days = :suspendedDays, suspended_since = :since, due_date = :due,
                        pending_materials_due = :pending,
                        warning_level = case when :reset then :warning else warning_level end,
                        warning_at = case when :reset then :warningAt else warning_at end,
                        result = :result, result_reason = :reason, remedy = :remedy, completed_at = :completed,
                        completed_on_time = :onTime, delivery = :delivery, delivery_address = :address,
                        tracking_number = :tracking, delivered_at = :delivered, archived_at = :archived,
                        rejection_reason = :rejection, rejection_redirect = :redirect, deferral_signed = :signed,
                        extension_reason = :extReason, extension_approved_by = :extBy, correction_late = :late,
                        correction_issued_at = :correctionAt, version = version + 1, updated_at = :t
                    where id = :id and version = :version""")
                    .param("dept", c.departmentId).param("handler", c.handlerStaffId).param("status", c.status.name())
                    .param("from", c.suspendedFrom == null ? null : c.suspendedFrom.name())
                    .param("clock", ts(c.clockStartedAt)).param("accepted", ts(c.acceptedAt)).param("limit", c.limitDays)
                    .param("ext", c.extensionDays).param("suspendedDays", c.suspendedDays)
                    .param("since", ts(c.suspendedSince)).param("due", c.dueDate).param("pending", c.pendingMaterialsDue)
                    .param("reset", c.warningReset).param("warning", c.warningLevel.name()).param("warningAt", ts(c.warningAt))
                    .param("result", c.result == null ? null : c.result.name()).param("reason", c.resultReason)
                    .param("remedy", c.remedy).param("completed", ts(c.completedAt)).param("onTime", c.completedOnTime)
                    .param("delivery", c.delivery == null ? null : c.delivery.name()).param("address", c.deliveryAddress)
                    .param("tracking", c.trackingNumber).param("delivered", ts(c.deliveredAt))
                    .param("archived", ts(c.archivedAt)).param("rejection", c.rejectionReason)
                    .param("redirect", c.rejectionRedirect).param("signed", c.deferralSigned)
                    .param("extReason", c.extensionReason).param("extBy", c.extensionApprovedBy)
                    .param("late", c.correctionLate).param("correctionAt", ts(c.correctionIssuedAt))
                    .param("t", ts(c.updatedAt)).param("id", c.id).param("version", c.version)
                    .update();
        } catch (ConcurrencyFailureException e) {
            // H2 may refuse the second of two concurrent updates of the same row instead of waiting
            throw DomainException.conflict("cases.concurrentChange", c.number);
        }
        if (rows != 1) {
            throw DomainException.conflict("cases.concurrentChange", c.number);
        }
        c.version++;
    }

    /**
     * Cases by filter, most urgent first. {@code scopeDepartment}/{@code scopeStaff}: the department data scope of a
     * DEPT_HEAD or WINDOW_STAFF user (their department's cases, the ones they received or handle, the joint ones their
     * department gives an opinion on); both null for centre-wide roles.
     */
    List<CaseRecord> list(@Nullable Long centreId, java.util.Set<org.openhall.cases.CaseStatus> statuses,
            @Nullable Long departmentId, @Nullable Long handlerStaffId, @Nullable String itemCode,
            @Nullable String numberLike, @Nullable Long scopeDepartment, @Nullable Long scopeStaff, boolean scoped,
            int limit) {
        StringBuilder sql = new StringBuilder("select * from cas_case c where 1 = 1");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (centreId != null) {
            sql.append(" and c.centre_id = :centre");
            p.put("centre", centreId);
        }
        if (!statuses.isEmpty()) {
            sql.append(" and c.status in (:statuses)");
            p.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (departmentId != null) {
            sql.append(" and c.department_id = :dept");
            p.put("dept", departmentId);
        }
        if (handlerStaffId != null) {
            sql.append(" and c.handler_staff_id = :handler");
            p.put("handler", handlerStaffId);
        }
        if (itemCode != null) {
            sql.append(" and c.item_code = :item");
            p.put("item", itemCode);
        }
        if (numberLike != null) {
            sql.append(" and c.number like :number");
            p.put("number", "%" + numberLike.replace("%", "").replace("_", "") + "%");
        }
        if (scoped) {
            sql.append(" and (c.department_id = :sd or c.intake_staff_id = :ss or c.handler_staff_id = :ss"
                    + " or exists (select 1 from cas_step s where s.case_id = c.id and s.kind = 'OPINION' and s.department_id = :sd))");
            p.put("sd", scopeDepartment == null ? -1L : scopeDepartment);
            p.put("ss", scopeStaff == null ? -1L : scopeStaff);
        }
        sql.append(" order by case c.warning_level when 'RED' then 0 when 'YELLOW' then 1 else 2 end,"
                + " case when c.due_date is null then 1 else 0 end, c.due_date, c.received_at, c.id limit :limit");
        p.put("limit", limit);
        return jdbc.sql(sql.toString()).params(p).query(CaseRecord::map).list();
    }

    // ------------------------------------------------------------------ materials

    record MaterialRow(long id, String code, String name, MaterialRequirement requirement, MaterialState state,
            @Nullable String note, @Nullable Instant receivedAt) {
    }

    void insertMaterial(long caseId, long centreId, String code, String name, MaterialRequirement requirement,
            MaterialState state, @Nullable String note, @Nullable Instant receivedAt) {
        jdbc.sql("""
                insert into cas_material (case_id, centre_id, material_code, name, requirement, status, note, received_at)
                values (:c, :centre, :code, :name, :req, :status, :note, :at)""")
                .param("c", caseId).param("centre", centreId).param("code", code).param("name", name)
                .param("req", requirement.name()).param("status", state.name()).param("note", note)
                .param("at", ts(receivedAt)).update();
    }

    void updateMaterial(long id, MaterialState state, @Nullable String note, @Nullable Instant receivedAt) {
        jdbc.sql("update cas_material set status = :s, note = :n, received_at = :at where id = :id")
                .param("s", state.name()).param("n", note).param("at", ts(receivedAt)).param("id", id).update();
    }

    List<MaterialRow> materials(long caseId) {
        return jdbc.sql("select * from cas_material where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new MaterialRow(rs.getLong("id"), rs.getString("material_code"), rs.getString("name"),
                        MaterialRequirement.valueOf(rs.getString("requirement")),
                        MaterialState.valueOf(rs.getString("status")), rs.getString("note"),
                        CaseRecord.instantOrNull(rs, "received_at")))
                .list();
    }

    // ------------------------------------------------------------------ steps

    long insertStep(long caseId, long centreId, StepKind kind, @Nullable Long departmentId, @Nullable Long staffId,
            String actor, @Nullable String note, @Nullable LocalDate dueDate, boolean open, @Nullable String outcome,
            Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_step (case_id, centre_id, kind, department_id, staff_id, actor, note, due_date, status,
                    outcome, warning_level, created_at, done_at, done_by)
                values (:c, :centre, :kind, :dept, :staff, :actor, :note, :due, :status, :outcome, 'NONE', :t, :done, :by)""")
                .param("c", caseId).param("centre", centreId).param("kind", kind.name()).param("dept", departmentId)
                .param("staff", staffId).param("actor", actor).param("note", note).param("due", dueDate)
                .param("status", open ? "OPEN" : "DONE").param("outcome", outcome).param("t", ts(at))
                .param("done", open ? null : ts(at)).param("by", open ? null : actor)
                .update(keys, "id");
        return id(keys);
    }

    List<CaseView.Step> steps(long caseId) {
        return jdbc.sql("select * from cas_step where case_id = :c order by created_at, id").param("c", caseId)
                .query((rs, n) -> new CaseView.Step(rs.getLong("id"), rs.getString("kind"),
                        CaseRecord.longOrNull(rs, "department_id"), CaseRecord.longOrNull(rs, "staff_id"),
                        rs.getString("actor"), rs.getString("note"), CaseRecord.dateOrNull(rs, "due_date"),
                        rs.getString("status"), rs.getString("outcome"), WarningLevel.valueOf(rs.getString("warning_level")),
                        CaseRecord.instant(rs, "created_at"), CaseRecord.instantOrNull(rs, "done_at"),
                        rs.getString("done_by")))
                .list();
    }

    /** Closes an open step; false if it was not open any more (a concurrent command closed it). */
    boolean closeStep(long stepId, String by, @Nullable String outcome, @Nullable String note, Instant at) {
        return jdbc.sql("""
                update cas_step set status = 'DONE', outcome = :o, note = coalesce(:note, note), done_at = :t, done_by = :by
                where id = :id and status = 'OPEN'""")
                .param("o", outcome).param("note", note).param("t", ts(at)).param("by", by).param("id", stepId)
                .update() == 1;
    }

    /** Moves the due date of an open step; a later date clears its warning (the warning scan raises it again if due). */
    void moveStepDue(long stepId, LocalDate due, boolean later) {
        jdbc.sql("update cas_step set due_date = :d" + (later ? ", warning_level = 'NONE'" : "") + " where id = :id")
                .param("d", due).param("id", stepId).update();
    }

    // ------------------------------------------------------------------ suspensions

    long insertSuspension(long caseId, long centreId, SuspensionReason reason, @Nullable String note, Instant start,
            @Nullable Instant end, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_suspension (case_id, centre_id, reason, note, started_at, ended_at, started_by, ended_by)
                values (:c, :centre, :r, :note, :s, :e, :by, :endBy)""")
                .param("c", caseId).param("centre", centreId).param("r", reason.name()).param("note", note)
                .param("s", ts(start)).param("e", ts(end)).param("by", by).param("endBy", end == null ? null : by)
                .update(keys, "id");
        return id(keys);
    }

    void endSuspension(long id, Instant end, String by) {
        jdbc.sql("update cas_suspension set ended_at = :e, ended_by = :by where id = :id and ended_at is null")
                .param("e", ts(end)).param("by", by).param("id", id).update();
    }

    List<CaseView.SuspensionPeriod> suspensions(long caseId) {
        return jdbc.sql("select * from cas_suspension where case_id = :c order by started_at, id").param("c", caseId)
                .query((rs, n) -> new CaseView.SuspensionPeriod(rs.getLong("id"),
                        SuspensionReason.valueOf(rs.getString("reason")), rs.getString("note"),
                        CaseRecord.instant(rs, "started_at"), CaseRecord.instantOrNull(rs, "ended_at"),
                        rs.getString("started_by"), rs.getString("ended_by")))
                .list();
    }

    // ------------------------------------------------------------------ notices

    long insertNotice(long caseId, long centreId, NoticeKind kind, Instant at, String by, byte[] pdf) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_notice (case_id, centre_id, kind, issued_at, issued_by, content)
                values (:c, :centre, :k, :t, :by, :pdf)""")
                .param("c", caseId).param("centre", centreId).param("k", kind.name()).param("t", ts(at))
                .param("by", by).param("pdf", pdf).update(keys, "id");
        return id(keys);
    }

    List<CaseView.Notice> notices(long caseId) {
        return jdbc.sql("select id, kind, issued_at, issued_by from cas_notice where case_id = :c order by issued_at, id")
                .param("c", caseId)
                .query((rs, n) -> new CaseView.Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
                        CaseRecord.instant(rs, "issued_at"), rs.getString("issued_by")))
                .list();
    }

    /** The latest notice of a kind, as issued. */
    Optional<byte[]> noticeContent(long caseId, NoticeKind kind) {
        return jdbc.sql("select content from cas_notice where case_id = :c and kind = :k order by issued_at desc, id desc")
                .param("c", caseId).param("k", kind.name())
                .query((rs, n) -> rs.getBytes("content")).stream().findFirst();
    }

    // ------------------------------------------------------------------ reservations (CASE-10)

    /** When a reserved, unused number of the centre was reserved (= the application received); empty otherwise. */
    Optional<Instant> reservationTime(String number, long centreId) {
        return jdbc.sql("select reserved_at from cas_reserved_number where number = :n and centre_id = :c and used_at is null")
                .param("n", number).param("c", centreId).query((rs, n) -> CaseRecord.instant(rs, "reserved_at")).optional();
    }

    void insertDocument(long caseId, long centreId, @Nullable String materialCode, String fileName, String contentType,
            byte[] content, Instant at, String by) {
        jdbc.sql("""
                insert into cas_document (case_id, centre_id, material_code, file_name, content_type, size_bytes, content,
                    uploaded_at, uploaded_by) values (:c, :centre, :m, :f, :ct, :size, :content, :t, :by)""")
                .param("c", caseId).param("centre", centreId).param("m", materialCode).param("f", fileName)
                .param("ct", contentType).param("size", content.length).param("content", content).param("t", ts(at))
                .param("by", by).update();
    }

    record DocumentRow(long id, @Nullable String materialCode, String fileName, String contentType, int sizeBytes,
            Instant uploadedAt, String uploadedBy) {
    }

    List<DocumentRow> documents(long caseId) {
        return jdbc.sql("""
                select id, material_code, file_name, content_type, size_bytes, uploaded_at, uploaded_by from cas_document
                where case_id = :c order by uploaded_at, id""").param("c", caseId)
                .query((rs, n) -> new DocumentRow(rs.getLong("id"), rs.getString("material_code"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), CaseRecord.instant(rs, "uploaded_at"),
                        rs.getString("uploaded_by")))
                .list();
    }

    /** Uses a reserved number; its reservation time is when the application was received. Empty if unknown or used. */
    Optional<Instant> useReservation(String number, long centreId, Instant at) {
        Optional<Instant> reservedAt = jdbc.sql("""
                select reserved_at from cas_reserved_number where number = :n and centre_id = :c and used_at is null""")
                .param("n", number).param("c", centreId).query((rs, n) -> CaseRecord.instant(rs, "reserved_at")).optional();
        if (reservedAt.isEmpty()) {
            return Optional.empty();
        }
        int rows = jdbc.sql("update cas_reserved_number set used_at = :t where number = :n and used_at is null")
                .param("t", ts(at)).param("n", number).update();
        return rows == 1 ? reservedAt : Optional.empty();
    }
}
