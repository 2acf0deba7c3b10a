package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.WindowStatus;

/** A row of {@code q_window_state}. */
record WindowRow(long windowId, long centreId, WindowStatus status, @Nullable Long staffId, @Nullable Long sessionId,
        @Nullable Long currentTicketId, @Nullable String pauseReason, @Nullable String pauseNote,
        @Nullable Instant pauseUntil, int priorityStreak, Instant since, int version) {

    static WindowRow map(ResultSet rs, int n) throws SQLException {
        return new WindowRow(rs.getLong("window_id"), rs.getLong("centre_id"), WindowStatus.valueOf(rs.getString("status")),
                rs.getObject("staff_id", Long.class), rs.getObject("session_id", Long.class),
                rs.getObject("current_ticket_id", Long.class), rs.getString("pause_reason"), rs.getString("pause_note"),
                TicketRow.instant(rs, "pause_until"), rs.getInt("priority_streak"), TicketRow.instant(rs, "since"),
                rs.getInt("version"));
    }

    /** The row after a guarded move to {@code to} (version + 1) holding {@code ticket}, as the database has it now. */
    WindowRow moved(WindowStatus to, @Nullable Long ticket, Instant at) {
        return new WindowRow(windowId, centreId, to, staffId, sessionId, ticket, pauseReason, pauseNote, pauseUntil,
                priorityStreak, at, version + 1);
    }

    boolean signedIn() {
        return status != WindowStatus.SIGNED_OUT;
    }
}
