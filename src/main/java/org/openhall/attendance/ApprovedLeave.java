package org.openhall.attendance;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Leave that has been approved and not revoked (ATT-2), as the roster and the attendance judgement see it.
 *
 * @param start          first moment of the leave, local time in the centre's zone
 * @param end            end of the leave (exclusive), local time in the centre's zone
 * @param standInStaffId the named stand-in (替岗), when there is one
 */
public record ApprovedLeave(long requestId, long centreId, long staffId, LeaveType type, LocalDateTime start,
        LocalDateTime end, @Nullable Long standInStaffId) {

    /** Whether the leave covers any part of the given day. */
    public boolean touches(java.time.LocalDate day) {
        return start.toLocalDate().compareTo(day) <= 0 && end.isAfter(day.atStartOfDay());
    }
}
