package org.openhall.attendance.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.LeaveType;

/**
 * A leave request as the applicant fills it in (ATT-2).
 *
 * @param startPm   the first day starts in the afternoon
 * @param endAm     the last day ends at noon
 * @param emergency 事后补办: the leave began before the request is filed
 */
@org.springframework.modulith.NamedInterface("leave")
public record LeaveForm(@Nullable LeaveType type, @Nullable LocalDate startDay, boolean startPm,
        @Nullable LocalDate endDay, boolean endAm, @Nullable String reason, @Nullable Long standInStaffId,
        boolean emergency) {
}
