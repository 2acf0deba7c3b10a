package org.openhall.duty.internal.roster;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import java.time.LocalDate;
import java.util.Set;

/**
 * A person who can be planned (a problem fact of the solver).
 *
 * @param recentDuties duty days in published rosters of the recent weeks (fairness over time)
 * @param unavailable  days on approved leave or 调休 in the cycle (DUTY-1: leave respected)
 */
public record DutyPerson(@PlanningId long id, long departmentId, String name, int recentDuties,
        Set<LocalDate> unavailable) {

    public DutyPerson {
        unavailable = Set.copyOf(unavailable);
    }

    public boolean availableOn(LocalDate day) {
        return !unavailable.contains(day);
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
