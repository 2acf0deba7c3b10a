package org.openhall.calendar;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The result of deadline arithmetic with suspensions (CAL-2).
 *
 * @param dueDate               the last working day of the time limit: the limit is met if the work is done by the
 *                              end of this day (centre's zone)
 * @param limit                 the time limit in working days
 * @param suspendedWorkingDays  the working days given back because suspensions covered them, before the due date
 */
public record Deadline(LocalDate dueDate, int limit, int suspendedWorkingDays) implements Serializable {
}
