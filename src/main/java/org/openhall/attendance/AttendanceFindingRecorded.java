package org.openhall.attendance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A finding was recorded (ATT-4); published after commit for the monthly assessment. */
public record AttendanceFindingRecorded(long findingId, long centreId, long staffId, @Nullable Long windowId,
        FindingKind kind, Instant observedAt, String rule, String clause) {
}
