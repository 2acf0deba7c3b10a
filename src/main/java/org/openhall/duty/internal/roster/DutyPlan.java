package org.openhall.duty.internal.roster;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardSoftScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The planning problem of one roster: the people and the places to fill (DUTY-1). */
@PlanningSolution
public class DutyPlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<DutyPerson> people;
    @PlanningEntityCollectionProperty
    private List<DutySlot> slots;
    @PlanningScore
    private @Nullable HardSoftScore score;

    DutyPlan() {
        // for the solver's cloning
    }

    public DutyPlan(List<DutyPerson> people, List<DutySlot> slots) {
        this.people = people;
        this.slots = slots;
    }

    public List<DutyPerson> getPeople() {
        return people;
    }

    public List<DutySlot> getSlots() {
        return slots;
    }

    public @Nullable HardSoftScore getScore() {
        return score;
    }

    public void setScore(@Nullable HardSoftScore score) {
        this.score = score;
    }
}
