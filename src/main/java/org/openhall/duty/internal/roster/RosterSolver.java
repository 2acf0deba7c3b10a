package org.openhall.duty.internal.roster;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.DutyRole;

/**
 * Plans a roster with Timefold Solver (DUTY-1): builds the places to fill from the days, solves within the configured
 * time (stopping earlier when the plan stops improving) and reports the hard rules still broken. No Spring, no
 * database: the application and the benchmark under {@code bench/} run the same code.
 */
public final class RosterSolver {

    /** One day to plan: the supervisor's department of the day (null: no supervisor) and how many duty staff. */
    public record PlanDay(LocalDate day, int staff, @Nullable Long turnDepartmentId) {
    }

    /** One place filled. */
    public record Planned(LocalDate day, DutyRole role, long staffId, long departmentId) {
    }

    /**
     * The plan found.
     *
     * @param hardViolations how often hard rules are broken, per rule (empty: none)
     */
    public record Result(List<Planned> planned, HardSoftScore score, Map<String, Integer> hardViolations) {

        public int hardViolationCount() {
            return hardViolations.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final SolverFactory<DutyPlan> factory;
    private final SolutionManager<DutyPlan, HardSoftScore> solutions;

    public RosterSolver(RosterRules rules) {
        SolverConfig config = new SolverConfig().withSolutionClass(DutyPlan.class).withEntityClasses(DutySlot.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(rules.solveLimit())
                        .withUnimprovedSpentLimit(rules.unimprovedLimit()));
        this.factory = SolverFactory.create(config);
        this.solutions = SolutionManager.create(factory);
    }

    /** The places of the days: a duty leader, the day's duty staff and, when it has a turn department, a supervisor. */
    public static List<DutySlot> slots(List<PlanDay> days) {
        List<DutySlot> slots = new ArrayList<>();
        long id = 0;
        for (int i = 0; i < days.size(); i++) {
            PlanDay d = days.get(i);
            slots.add(new DutySlot(++id, d.day(), i, DutyRole.LEADER, null));
            for (int s = 0; s < d.staff(); s++) {
                slots.add(new DutySlot(++id, d.day(), i, DutyRole.STAFF, null));
            }
            if (d.turnDepartmentId() != null) {
                slots.add(new DutySlot(++id, d.day(), i, DutyRole.SUPERVISOR, d.turnDepartmentId()));
            }
        }
        return slots;
    }

    public Result solve(List<PlanDay> days, List<DutyPerson> people) {
        if (people.isEmpty() || days.isEmpty()) {
            return new Result(List.of(), HardSoftScore.ZERO, Map.of());
        }
        DutyPlan solved = factory.buildSolver().solve(new DutyPlan(people, slots(days)));
        return result(solved);
    }

    /** Scores a plan as it is (e.g. a baseline) without changing it. */
    public Result evaluate(DutyPlan plan) {
        solutions.update(plan);
        return result(plan);
    }

    private Result result(DutyPlan plan) {
        List<Planned> planned = plan.getSlots().stream().filter(s -> s.getPerson() != null)
                .map(s -> new Planned(s.getDay(), s.getRole(), s.getPerson().id(), s.getPerson().departmentId()))
                .toList();
        return new Result(planned, plan.getScore(), hardViolations(plan.getSlots()));
    }

    /**
     * The hard rules of {@link RosterConstraints} counted again in plain Java over the places (independent of the
     * solver's own score), per rule; a place left empty counts too.
     */
    public static Map<String, Integer> hardViolations(List<DutySlot> slots) {
        Map<String, Integer> hard = new LinkedHashMap<>();
        Map<LocalDate, Map<Long, Integer>> perDay = new HashMap<>();
        for (DutySlot s : slots) {
            DutyPerson p = s.getPerson();
            if (p == null) {
                hard.merge("unfilled", 1, Integer::sum);
                continue;
            }
            perDay.computeIfAbsent(s.getDay(), d -> new HashMap<>()).merge(p.id(), 1, Integer::sum);
            if (!p.availableOn(s.getDay())) {
                hard.merge(RosterConstraints.ON_LEAVE, 1, Integer::sum);
            }
            if (!s.departmentFits()) {
                hard.merge(RosterConstraints.SUPERVISOR_TURN, 1, Integer::sum);
            }
        }
        perDay.values().forEach(m -> m.values().forEach(n -> {
            if (n > 1) {
                hard.merge(RosterConstraints.ONE_DUTY_A_DAY, n * (n - 1) / 2, Integer::sum);
            }
        }));
        return hard;
    }
}
