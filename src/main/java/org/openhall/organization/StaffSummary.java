package org.openhall.organization;

import org.jspecify.annotations.Nullable;

/** A staff member without personal data (no ID number, no phone). */
public record StaffSummary(long id, long centreId, long departmentId, String staffNumber, String name,
        @Nullable String position, EmploymentType employmentType, boolean active) {
}
