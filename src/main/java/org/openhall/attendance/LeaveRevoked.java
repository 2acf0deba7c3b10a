package org.openhall.attendance;

import java.time.LocalDateTime;

/** Approved leave was withdrawn or cancelled (ATT-2); published after commit. */
public record LeaveRevoked(long requestId, long centreId, long staffId, LocalDateTime start, LocalDateTime end) {
}
