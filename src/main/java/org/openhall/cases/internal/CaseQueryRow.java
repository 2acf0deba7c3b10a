package org.openhall.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.WarningLevel;

/**
 * One line of a case list (CASE-4, CASE-5): what the work lists and the boards show, with the applicant's
 * name as stored (pages mask a person's name, SEC-2; an organisation's name is not personal data). {@code stepId}, {@code stepKind}, {@code stepDue} and
 * {@code stepWarning} are set when the line stands for an open step of the case (an opinion of a joint
 * item, a review) rather than for the case itself.
 */
public record CaseQueryRow(long id, long centreId, String number, String itemCode, String itemName, long departmentId,
        @Nullable Long windowId, @Nullable Long intakeStaffId, @Nullable Long handlerStaffId, String applicantName,
        boolean applicantIsPerson,
        CaseStatus status, @Nullable LocalDate dueDate, WarningLevel warningLevel, Instant receivedAt,
        boolean greenChannel, @Nullable CaseResult result, @Nullable Boolean completedOnTime,
        @Nullable Long stepId, @Nullable String stepKind, @Nullable LocalDate stepDue, @Nullable WarningLevel stepWarning) {

    /** The case columns every list selects, aliased to the names {@link #map} reads. */
    static final String COLUMNS = """
            c.id, c.centre_id, c.number, c.item_code, c.item_name, c.department_id, c.window_id, c.intake_staff_id,
            c.handler_staff_id, c.applicant_name, c.applicant_kind, c.status, c.due_date, c.warning_level, c.received_at,
            c.green_channel, c.result, c.completed_on_time""";

    /** Whether this line stands for an open step (opinion, review) rather than the case. */
    public boolean isStep() {
        return stepId != null;
    }

    /** The due date that matters for this line: the step's own for a step, else the case's. */
    public @Nullable LocalDate effectiveDue() {
        return isStep() && stepDue != null ? stepDue : dueDate;
    }

    /** The warning that matters for this line. */
    public WarningLevel effectiveWarning() {
        if (isStep() && stepWarning != null && stepWarning.ordinal() > warningLevel.ordinal()) {
            return stepWarning;
        }
        return warningLevel;
    }

    static CaseQueryRow map(ResultSet rs, int n) throws SQLException {
        return map(rs, false);
    }

    static CaseQueryRow mapWithStep(ResultSet rs, int n) throws SQLException {
        return map(rs, true);
    }

    private static CaseQueryRow map(ResultSet rs, boolean step) throws SQLException {
        String result = rs.getString("result");
        return new CaseQueryRow(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("number"),
                rs.getString("item_code"), rs.getString("item_name"), rs.getLong("department_id"),
                longOrNull(rs, "window_id"), longOrNull(rs, "intake_staff_id"), longOrNull(rs, "handler_staff_id"),
                rs.getString("applicant_name"), !"ORGANIZATION".equals(rs.getString("applicant_kind")),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("due_date", LocalDate.class), WarningLevel.valueOf(rs.getString("warning_level")),
                instant(rs.getTimestamp("received_at")), rs.getBoolean("green_channel"),
                result == null ? null : CaseResult.valueOf(result), boolOrNull(rs, "completed_on_time"),
                step ? longOrNull(rs, "step_id") : null, step ? rs.getString("step_kind") : null,
                step ? rs.getObject("step_due", LocalDate.class) : null,
                step && rs.getString("step_warning") != null ? WarningLevel.valueOf(rs.getString("step_warning")) : null);
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Boolean boolOrNull(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
