package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.TicketStatus;

/** A row of {@code q_ticket} with its service's code and name. */
record TicketRow(long id, long centreId, long serviceId, String serviceCode, String serviceName, LocalDate businessDate,
        int seq, String number, String publicCode, TicketChannel channel, PriorityClass priority,
        @Nullable PriorityReason reason, @Nullable String applicantName, @Nullable String mobile,
        @Nullable Long appointmentId, TicketStatus status, Instant issuedAt, Instant queuedAt, Instant rankAt,
        @Nullable Long windowId, @Nullable Long staffId, @Nullable Instant calledAt, @Nullable Instant servingAt,
        @Nullable Instant finishedAt, @Nullable Instant skippedAt, int recallCount, int skipCount, int returnCount,
        @Nullable Long targetWindowId, @Nullable String transferNote, int transferCount, List<Long> nextServiceIds,
        @Nullable String caseNumber, int version) {

    static final String SELECT = """
            select t.*, s.code as service_code, s.name as service_name from q_ticket t
            join q_service s on s.id = t.service_id""";

    TicketRow {
        nextServiceIds = List.copyOf(nextServiceIds);
    }

    static TicketRow map(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("priority_reason");
        return new TicketRow(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("service_id"),
                rs.getString("service_code"), rs.getString("service_name"), rs.getObject("business_date", LocalDate.class),
                rs.getInt("seq"), rs.getString("number"), rs.getString("public_code"),
                TicketChannel.valueOf(rs.getString("channel")), PriorityClass.valueOf(rs.getString("priority_class")),
                reason == null ? null : PriorityReason.valueOf(reason), rs.getString("applicant_name"),
                rs.getString("applicant_mobile"), rs.getObject("appointment_id", Long.class),
                TicketStatus.valueOf(rs.getString("status")), instant(rs, "issued_at"), instant(rs, "queued_at"),
                instant(rs, "rank_at"), rs.getObject("window_id", Long.class), rs.getObject("staff_id", Long.class),
                instant(rs, "called_at"), instant(rs, "serving_at"), instant(rs, "finished_at"), instant(rs, "skipped_at"),
                rs.getInt("recall_count"), rs.getInt("skip_count"), rs.getInt("return_count"),
                rs.getObject("target_window_id", Long.class), rs.getString("transfer_note"), rs.getInt("transfer_count"),
                ids(rs.getString("next_service_ids")), rs.getString("case_number"), rs.getInt("version"));
    }

    @SuppressWarnings("NullAway")
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<Long> ids(@Nullable String csv) {
        List<Long> ids = new ArrayList<>();
        if (csv != null && !csv.isBlank()) {
            for (String s : csv.split(",")) {
                ids.add(Long.parseLong(s.strip()));
            }
        }
        return ids;
    }

    static @Nullable String csv(List<Long> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Long id : ids) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(id);
        }
        return b.toString();
    }

    // ---- the row after a command's conditional update (version + 1), without reading it back ------------------------

    /** Claimed by a window (CALLED). */
    TicketRow claimed(long window, @Nullable Long staff, Instant at) {
        return new TicketRow(id, centreId, serviceId, serviceCode, serviceName, businessDate, seq, number, publicCode,
                channel, priority, reason, applicantName, mobile, appointmentId, TicketStatus.CALLED, issuedAt, queuedAt,
                rankAt, window, staff, at, servingAt, finishedAt, skippedAt, recallCount, skipCount, returnCount,
                targetWindowId, transferNote, transferCount, nextServiceIds, caseNumber, version + 1);
    }

    TicketRow recalled() {
        return new TicketRow(id, centreId, serviceId, serviceCode, serviceName, businessDate, seq, number, publicCode,
                channel, priority, reason, applicantName, mobile, appointmentId, status, issuedAt, queuedAt, rankAt,
                windowId, staffId, calledAt, servingAt, finishedAt, skippedAt, recallCount + 1, skipCount, returnCount,
                targetWindowId, transferNote, transferCount, nextServiceIds, caseNumber, version + 1);
    }

    TicketRow serving(Instant at) {
        return new TicketRow(id, centreId, serviceId, serviceCode, serviceName, businessDate, seq, number, publicCode,
                channel, priority, reason, applicantName, mobile, appointmentId, TicketStatus.SERVING, issuedAt, queuedAt,
                rankAt, windowId, staffId, calledAt, at, finishedAt, skippedAt, recallCount, skipCount, returnCount,
                targetWindowId, transferNote, transferCount, nextServiceIds, caseNumber, version + 1);
    }

    TicketRow skipped(Instant at) {
        return new TicketRow(id, centreId, serviceId, serviceCode, serviceName, businessDate, seq, number, publicCode,
                channel, priority, reason, applicantName, mobile, appointmentId, TicketStatus.SKIPPED, issuedAt, queuedAt,
                rankAt, windowId, staffId, calledAt, servingAt, finishedAt, at, recallCount, skipCount + 1, returnCount,
                targetWindowId, transferNote, transferCount, nextServiceIds, caseNumber, version + 1);
    }

    /** Finished (DONE); {@code caseNumber} null keeps the one it had. */
    TicketRow done(Instant servedFrom, Instant at, @Nullable String caseNumber) {
        return new TicketRow(id, centreId, serviceId, serviceCode, serviceName, businessDate, seq, number, publicCode,
                channel, priority, reason, applicantName, mobile, appointmentId, TicketStatus.DONE, issuedAt, queuedAt,
                rankAt, windowId, staffId, calledAt, servedFrom, at, skippedAt, recallCount, skipCount, returnCount,
                targetWindowId, transferNote, transferCount, nextServiceIds,
                caseNumber != null ? caseNumber : this.caseNumber, version + 1);
    }

    PriorityRule.Candidate candidate() {
        return new PriorityRule.Candidate(id, priority, queuedAt, rankAt);
    }
}
