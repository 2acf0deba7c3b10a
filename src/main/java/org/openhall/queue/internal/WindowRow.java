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
        return map(rs, "");
    }

    /** The row from columns named with {@code prefix} (a join that reads other rows' columns beside it). */
    static WindowRow map(ResultSet rs, String p) throws SQLException {
        return new WindowRow(rs.getLong(p + "window_id"), rs.getLong(p + "centre_id"),
                WindowStatus.valueOf(rs.getString(p + "status")), rs.getObject(p + "staff_id", Long.class),
                rs.getObject(p + "session_id", Long.class), rs.getObject(p + "current_ticket_id", Long.class),
                rs.getString(p + "pause_reason"), rs.getString(p + "pause_note"), TicketRow.instant(rs, p + "pause_until"),
                rs.getInt(p + "priority_streak"), TicketRow.instant(rs, p + "since"), rs.getInt(p + "version"));
    }

    /** The row after a guarded move to {@code to} (version + 1) holding {@code ticket}, as the database has it now. */
    WindowRow moved(WindowStatus to, @Nullable Long ticket, Instant at) {
        return new WindowRow(windowId, centreId, to, staffId, sessionId, ticket, pauseReason, pauseNote, pauseUntil,
                priorityStreak, at, version + 1);
    }

    /** The row with the priority streak a call wrote. */
    WindowRow withStreak(int streak) {
        return new WindowRow(windowId, centreId, status, staffId, sessionId, currentTicketId, pauseReason, pauseNote,
                pauseUntil, streak, since, version);
    }

    boolean signedIn() {
        return status != WindowStatus.SIGNED_OUT;
    }
}
