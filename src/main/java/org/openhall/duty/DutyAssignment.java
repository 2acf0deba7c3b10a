package org.openhall.duty;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One person's duty on a day of a published roster (DUTY-1, DUTY-2).
 *
 * @param staffId         who was planned
 * @param servedByStaffId who actually serves after a swap or substitute was filed (null: as planned)
 */
public record DutyAssignment(long assignmentId, long rosterId, long centreId, LocalDate day, DutyRole role,
        long staffId, @Nullable Long departmentId, @Nullable Long servedByStaffId) {

    /** The person who actually serves the duty. */
    public long servingStaffId() {
        return servedByStaffId != null ? servedByStaffId : staffId;
    }
}
