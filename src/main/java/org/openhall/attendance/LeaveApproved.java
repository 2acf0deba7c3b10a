package org.openhall.attendance;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A leave request received its last approval (ATT-2); published after commit. */
public record LeaveApproved(long requestId, long centreId, long staffId, LeaveType type, LocalDateTime start,
        LocalDateTime end, @Nullable Long standInStaffId) {
}
