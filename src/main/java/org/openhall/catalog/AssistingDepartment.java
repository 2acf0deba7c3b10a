package org.openhall.catalog;

/** An assisting department of a joint item (联办件) and its own time limit in working days (CASE-5a). */
public record AssistingDepartment(long departmentId, int limitDays) {
}
