package org.openhall.duty.internal.roster;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.DutyRole;

/**
 * One place to fill on a duty day (a planning entity): the day's duty leader, one of its duty staff, or its supervisor,
 * who must come from {@code turnDepartmentId} (督导员值班制度 二.1).
 */
@PlanningEntity
public class DutySlot {

    @PlanningId
    private long id;
    private LocalDate day;
    private int dayIndex;
    private DutyRole role;
    private @Nullable Long turnDepartmentId;
    @PlanningVariable
    private @Nullable DutyPerson person;

    DutySlot() {
        // for the solver's cloning
    }

    public DutySlot(long id, LocalDate day, int dayIndex, DutyRole role, @Nullable Long turnDepartmentId) {
        this.id = id;
        this.day = day;
        this.dayIndex = dayIndex;
        this.role = role;
        this.turnDepartmentId = turnDepartmentId;
    }

    public long getId() {
        return id;
    }

    public LocalDate getDay() {
        return day;
    }

    /** The position of the day in the plan (0, 1, …), for "consecutive days". */
    public int getDayIndex() {
        return dayIndex;
    }

    public DutyRole getRole() {
        return role;
    }

    public @Nullable Long getTurnDepartmentId() {
        return turnDepartmentId;
    }

    public @Nullable DutyPerson getPerson() {
        return person;
    }

    public void setPerson(@Nullable DutyPerson person) {
        this.person = person;
    }

    /** Whether the person fits the department rule of the slot. */
    boolean departmentFits() {
        return turnDepartmentId == null || person == null || person.departmentId() == turnDepartmentId;
    }

    @Override
    public String toString() {
        return day + " " + role + " " + person;
    }
}
