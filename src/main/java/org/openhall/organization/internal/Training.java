package org.openhall.organization.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.TrainingCategory;

/** A training record (ORG-4) with the names for lists. */
public record Training(long id, long centreId, long staffId, String staffNumber, String staffName, long departmentId,
        String departmentName, TrainingCategory category, String title, LocalDate date, BigDecimal hours,
        @Nullable Integer score, @Nullable String trainer) {
}
