package org.openhall.attendance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Approved leave for the other modules (the duty roster respects it, DUTY-1) and for attendance's own judgement. */
public interface LeaveApi {

    /** Approved, unrevoked leave of the centre's staff touching any day in [from, to] (both inclusive). */
    List<ApprovedLeave> approvedLeave(long centreId, LocalDate from, LocalDate to);

    /** Approved, unrevoked leave of one person touching any day in [from, to] (both inclusive). */
    List<ApprovedLeave> approvedLeaveOf(long staffId, LocalDate from, LocalDate to);

    /** Whether the person is on approved leave at this local moment (centre's zone). */
    boolean isOnLeave(long staffId, LocalDateTime at);
}
