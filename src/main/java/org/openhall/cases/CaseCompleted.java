package org.openhall.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A case was decided (办结); {@code onTime} says whether it met its deadline (办结率, CASE-5). */
public record CaseCompleted(long caseId, long centreId, String number, String itemCode, long departmentId,
        @Nullable Long windowId, @Nullable Long handlerStaffId, CaseResult result, Instant completedAt,
        boolean onTime) {
}
