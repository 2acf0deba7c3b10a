package org.openhall.bench.duty;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.openhall.duty.DutyRole;
import org.openhall.duty.internal.roster.DutyPerson;
import org.openhall.duty.internal.roster.DutySlot;
import org.openhall.duty.internal.roster.RosterRules;
import org.openhall.duty.internal.roster.RosterSolver;

/**
 * DUTY-1: the roster solver on a centre of 60 staff in 5 departments over 4 weeks, beside a plain round-robin on the
 * same input. No database, no Spring: the application's own {@link RosterSolver} (Timefold Solver with the
 * application's {@code RosterConstraints}) and the independent count of broken hard rules
 * ({@link RosterSolver#hardViolations}).
 *
 * <p>The input (fixed seed): departments of 18, 14, 12, 10 and 6 people named as the default rotation (劳动就业中心 →
 * 医保中心 → 机关社保中心 → 城乡居民社保中心 → 劳动社保中心); 20 working days (Monday–Friday of four weeks), each with a
 * duty leader, two duty staff and a supervisor from the department whose turn it is (one department a day, in order);
 * 15 people on approved leave or 调休 for 1–5 consecutive working days; each person's duty days in the published
 * rosters of the weeks before, 0–3 (what fairness over time counts; {@code -Dbench.duty.recent=false}: none).
 *
 * <p>The baseline is the plain round-robin one would write by hand: one pointer over all staff in staff-number order
 * for the leader and the duty staff, one pointer per department for the supervisor, each skipping people on leave and
 * people already on duty that day. It ignores the recent load.
 *
 * <p>Printed: hard-rule violations of both (must be 0), the solver's wall time (limit {@code bench.duty.seconds}), and
 * the spread of duty days per person — max − min and standard deviation — over the cycle alone and counting the recent
 * duty days, with the ratio baseline / solver (target ≥ 2).
 */
public final class RosterBenchmark {

    static final String[] DEPARTMENTS = {"劳动就业中心", "医保中心", "机关社保中心", "城乡居民社保中心", "劳动社保中心"};
    static final int[] SIZES = {18, 14, 12, 10, 6};

    record Spread(int max, int min, double std) {
        int range() {
            return max - min;
        }
    }

    public static void main(String[] args) {
        int seconds = Integer.getInteger("bench.duty.seconds", 30);
        long seed = Long.getLong("bench.duty.seed", 1L);
        int weeks = Integer.getInteger("bench.duty.weeks", 4);
        boolean recent = Boolean.parseBoolean(System.getProperty("bench.duty.recent", "true"));
        Random random = new Random(seed);

        LocalDate monday = LocalDate.of(2026, 3, 2);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = monday; d.isBefore(monday.plusWeeks(weeks)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        List<DutyPerson> people = new ArrayList<>();
        int id = 0;
        for (int dept = 0; dept < SIZES.length; dept++) {
            for (int i = 0; i < SIZES[dept]; i++) {
                id++;
                int before = random.nextInt(4);
                people.add(new DutyPerson(id, dept + 1, DEPARTMENTS[dept] + i, recent ? before : 0, Set.of()));
            }
        }
        // leave: 15 people, 1–5 consecutive working days each
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int k = 0; k < 15; k++) {
            int i = order.get(k);
            int start = random.nextInt(days.size());
            int length = 1 + random.nextInt(5);
            Set<LocalDate> away = new HashSet<>();
            for (int d = start; d < Math.min(days.size(), start + length); d++) {
                away.add(days.get(d));
            }
            DutyPerson p = people.get(i);
            people.set(i, new DutyPerson(p.id(), p.departmentId(), p.name(), p.recentDuties(), away));
        }
        List<RosterSolver.PlanDay> plan = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            plan.add(new RosterSolver.PlanDay(days.get(d), 2, (long) (d % DEPARTMENTS.length) + 1));
        }

        System.out.printf(Locale.ROOT, "%nDUTY-1 roster benchmark: %d staff in %d departments %s, %d working days "
                        + "(%d weeks), %d places, seed %d, solver limit %d s, recent duty days %s%n", people.size(), SIZES.length,
                java.util.Arrays.toString(SIZES), days.size(), weeks, RosterSolver.slots(plan).size(), seed, seconds,
                recent ? "0-3 per person" : "none");

        // baseline
        List<DutySlot> baseline = roundRobin(plan, people);
        Map<String, Integer> baselineHard = RosterSolver.hardViolations(baseline);

        // solver
        RosterRules defaults = RosterRules.defaults();
        RosterRules rules = new RosterRules(defaults.rotation(), 2, 2, 1, false, LocalTime.of(8, 0), LocalTime.of(18, 0),
                weeks, 8, Duration.ofSeconds(seconds), Duration.ofSeconds(Math.max(2, seconds / 6)));
        long t0 = System.nanoTime();
        RosterSolver solver = new RosterSolver(rules);
        RosterSolver.Result result = solver.solve(plan, people);
        double took = (System.nanoTime() - t0) / 1e9;

        Map<Long, Integer> solvedLoad = new HashMap<>();
        result.planned().forEach(p -> solvedLoad.merge(p.staffId(), 1, Integer::sum));
        Map<Long, Integer> baseLoad = new HashMap<>();
        baseline.forEach(s -> baseLoad.merge(s.getPerson().id(), 1, Integer::sum));

        Spread solvedCycle = spread(people, solvedLoad, false);
        Spread baseCycle = spread(people, baseLoad, false);
        Spread solvedTotal = spread(people, solvedLoad, true);
        Spread baseTotal = spread(people, baseLoad, true);

        System.out.printf(Locale.ROOT, "%n%-34s | %-14s | %-14s | %s%n", "", "round-robin", "solver", "ratio");
        System.out.println("-".repeat(80));
        System.out.printf(Locale.ROOT, "%-34s | %-14d | %-14d |%n", "hard-rule violations",
                sum(baselineHard), result.hardViolationCount());
        System.out.printf(Locale.ROOT, "%-34s | %-14s | %-14s |%n", "time", "-", "%.1f s".formatted(took));
        row("cycle: duty days max - min", baseCycle.range(), solvedCycle.range());
        row("cycle: duty days std dev", baseCycle.std(), solvedCycle.std());
        row("with recent: max - min", baseTotal.range(), solvedTotal.range());
        row("with recent: std dev", baseTotal.std(), solvedTotal.std());
        System.out.printf(Locale.ROOT, "%nsolver score %s; hard violations by rule: solver %s, round-robin %s%n",
                result.score(), result.hardViolations(), baselineHard);
        System.out.printf(Locale.ROOT, "cycle duty days per person: round-robin %d..%d, solver %d..%d; with recent "
                        + "duty days: round-robin %d..%d, solver %d..%d%n", baseCycle.min(), baseCycle.max(),
                solvedCycle.min(), solvedCycle.max(), baseTotal.min(), baseTotal.max(), solvedTotal.min(),
                solvedTotal.max());
    }

    static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    static void row(String label, double base, double solved) {
        String ratio = solved == 0 ? (base == 0 ? "1.00" : "inf") : "%.2f".formatted(base / solved);
        System.out.printf(Locale.ROOT, "%-34s | %-14s | %-14s | %s%n", label, fmt(base), fmt(solved), ratio);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : "%.3f".formatted(v);
    }

    static Spread spread(List<DutyPerson> people, Map<Long, Integer> load, boolean withRecent) {
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        double sum = 0;
        double sq = 0;
        for (DutyPerson p : people) {
            int n = load.getOrDefault(p.id(), 0) + (withRecent ? p.recentDuties() : 0);
            max = Math.max(max, n);
            min = Math.min(min, n);
            sum += n;
            sq += (double) n * n;
        }
        double mean = sum / people.size();
        return new Spread(max, min, Math.sqrt(sq / people.size() - mean * mean));
    }

    /** The plain round-robin: a pointer over all staff, one per department for supervisors, skipping the unavailable. */
    static List<DutySlot> roundRobin(List<RosterSolver.PlanDay> plan, List<DutyPerson> people) {
        List<DutySlot> slots = RosterSolver.slots(plan);
        Map<Long, List<DutyPerson>> byDept = new LinkedHashMap<>();
        people.forEach(p -> byDept.computeIfAbsent(p.departmentId(), k -> new ArrayList<>()).add(p));
        int pointer = 0;
        Map<Long, Integer> deptPointer = new HashMap<>();
        Map<LocalDate, Set<Long>> taken = new HashMap<>();
        for (DutySlot s : slots) {
            Set<Long> today = taken.computeIfAbsent(s.getDay(), k -> new HashSet<>());
            List<DutyPerson> pool = s.getRole() == DutyRole.SUPERVISOR ? byDept.get(s.getTurnDepartmentId()) : people;
            int start = s.getRole() == DutyRole.SUPERVISOR ? deptPointer.getOrDefault(s.getTurnDepartmentId(), 0) : pointer;
            DutyPerson chosen = null;
            int k = 0;
            for (; k < pool.size(); k++) {
                DutyPerson p = pool.get((start + k) % pool.size());
                if (p.availableOn(s.getDay()) && !today.contains(p.id())) {
                    chosen = p;
                    break;
                }
            }
            if (chosen == null) { // nobody free: take the next one anyway (a broken hard rule, counted)
                chosen = pool.get(start % pool.size());
            }
            int next = (start + k + 1) % pool.size();
            if (s.getRole() == DutyRole.SUPERVISOR) {
                deptPointer.put(s.getTurnDepartmentId(), next);
            } else {
                pointer = next;
            }
            s.setPerson(chosen);
            today.add(chosen.id());
        }
        return slots;
    }

    private RosterBenchmark() {
    }
}
