package org.openhall.duty.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.duty.DutyRole;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.DepartmentKind;

/** The solver's rules without Spring (DUTY-1): hard rules hold, leave is respected, the load is spread evenly. */
class RosterSolverTests {

    static final RosterRules RULES = new RosterRules(RosterRules.defaults().rotation(), 2, 2, 1, false,
            LocalTime.of(8, 0), LocalTime.of(18, 0), 2, 8, Duration.ofSeconds(3), Duration.ofMillis(700));

    /** 15 people in 5 departments (3 each), ten working days; person 1 on leave on the first three days. */
    @Test
    void planFortnightWithoutBreakingHardRulesAndEvenly() {
        List<DutyPerson> people = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            Set<LocalDate> away = i == 1 ? Set.of(day(0), day(1), day(2)) : Set.of();
            people.add(new DutyPerson(i, 100 + (i - 1) / 3, "P" + i, 0, away));
        }
        List<RosterSolver.PlanDay> days = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            days.add(new RosterSolver.PlanDay(day(d), 2, 100L + d % 5));
        }
        RosterSolver.Result result = new RosterSolver(RULES).solve(days, people);

        assertThat(result.hardViolations()).isEmpty();
        assertThat(result.score().isFeasible()).isTrue();
        assertThat(result.planned()).hasSize(40); // 10 days × (leader + 2 staff + supervisor)
        for (int d = 0; d < 10; d++) {
            LocalDate day = day(d);
            List<RosterSolver.Planned> on = result.planned().stream().filter(p -> p.day().equals(day)).toList();
            assertThat(on).extracting(RosterSolver.Planned::staffId).doesNotHaveDuplicates();
            assertThat(on).filteredOn(p -> p.role() == DutyRole.SUPERVISOR).singleElement()
                    .extracting(RosterSolver.Planned::departmentId).isEqualTo(100L + d % 5);
            assertThat(on).filteredOn(p -> p.role() == DutyRole.STAFF).hasSize(2);
            assertThat(on).filteredOn(p -> p.role() == DutyRole.LEADER).hasSize(1);
        }
        assertThat(result.planned()).filteredOn(p -> p.staffId() == 1 && p.day().isBefore(day(3))).isEmpty();
        Map<Long, Integer> load = new HashMap<>();
        people.forEach(p -> load.put(p.id(), 0));
        result.planned().forEach(p -> load.merge(p.staffId(), 1, Integer::sum));
        // 40 duties over 15 people: 2 or 3 each
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(2, 3));
    }

    /** People with many recent duty days get fewer now (fairness over published rosters). */
    @Test
    void recentDutiesCountTowardsTheLoad() {
        List<DutyPerson> people = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            people.add(new DutyPerson(i, 100, "P" + i, i <= 4 ? 6 : 0, Set.of()));
        }
        List<RosterSolver.PlanDay> days = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            days.add(new RosterSolver.PlanDay(day(d), 2, 100L));
        }
        RosterSolver.Result result = new RosterSolver(RULES).solve(days, people);
        assertThat(result.hardViolations()).isEmpty();
        long busy = result.planned().stream().filter(p -> p.staffId() <= 4).count();
        long rested = result.planned().stream().filter(p -> p.staffId() > 4).count();
        assertThat(rested).isGreaterThan(busy);
    }

    /** The supervisor's department with nobody available breaks a hard rule, and the result says which. */
    @Test
    void reportsHardViolationsWhenTheTurnDepartmentIsAway() {
        List<DutyPerson> people = List.of(new DutyPerson(1, 100, "A", 0, Set.of(day(0))),
                new DutyPerson(2, 200, "B", 0, Set.of()), new DutyPerson(3, 200, "C", 0, Set.of()),
                new DutyPerson(4, 200, "D", 0, Set.of()), new DutyPerson(5, 200, "E", 0, Set.of()));
        RosterSolver.Result result = new RosterSolver(RULES).solve(List.of(new RosterSolver.PlanDay(day(0), 2, 100L)),
                people);
        assertThat(result.hardViolationCount()).isPositive();
        assertThat(result.hardViolations()).containsAnyOf(Map.entry(RosterConstraints.ON_LEAVE, 1),
                Map.entry(RosterConstraints.SUPERVISOR_TURN, 1));
    }

    @Test
    void rotationFollowsTheConfiguredNamesOrElseTheDutyOrder() {
        List<DepartmentInfo> departments = List.of(
                new DepartmentInfo(1, 9, "YB", "医保中心", DepartmentKind.STATIONED, 1, true),
                new DepartmentInfo(2, 9, "JY", "劳动就业中心", DepartmentKind.STATIONED, 2, true),
                new DepartmentInfo(3, 9, "BGS", "中心办公室", DepartmentKind.STATIONED, 0, true),
                new DepartmentInfo(4, 9, "SB", "机关社保中心", DepartmentKind.STATIONED, 3, true));
        assertThat(RosterRotation.order(departments, RULES.rotation())).extracting(DepartmentInfo::name)
                .containsExactly("劳动就业中心", "医保中心", "机关社保中心");
        // a centre whose departments are named otherwise: all in duty order
        assertThat(RosterRotation.order(departments, List.of("综合窗口"))).extracting(DepartmentInfo::name)
                .containsExactly("中心办公室", "医保中心", "劳动就业中心", "机关社保中心");
    }

    static LocalDate day(int n) {
        return LocalDate.of(2026, 11, 30).plusDays(n);
    }
}
