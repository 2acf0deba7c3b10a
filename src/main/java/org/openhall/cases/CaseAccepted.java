package org.openhall.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A case was accepted (受理) and its clock started. */
public record CaseAccepted(long caseId, long centreId, String number, String itemCode, long departmentId,
        @Nullable Long windowId, @Nullable Long staffId, Instant acceptedAt, @Nullable LocalDate dueDate) {
}
