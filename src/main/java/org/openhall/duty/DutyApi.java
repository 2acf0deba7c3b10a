package org.openhall.duty;

import java.time.LocalDate;
import java.util.List;

/** Who is on duty, from published rosters (DUTY-1, DUTY-2), for the other parts of the hall. */
public interface DutyApi {

    /** The published duty of the centre on a day (all roles), after swaps and substitutes. */
    List<DutyAssignment> onDuty(long centreId, LocalDate day);

    /** The published duty of the centre over [from, to] (both inclusive). */
    List<DutyAssignment> onDuty(long centreId, LocalDate from, LocalDate to);
}
