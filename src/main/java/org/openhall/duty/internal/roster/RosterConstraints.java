package org.openhall.duty.internal.roster;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.openhall.duty.DutyRole;

/**
 * The rules of a duty roster (DUTY-1). Hard rules must all hold for a roster to be published; soft rules make it fair.
 *
 * <p>Hard:
 * <ul>
 * <li>{@value #ONE_DUTY_A_DAY}: nobody holds two places on the same day;</li>
 * <li>{@value #ON_LEAVE}: nobody is planned on a day of approved leave or 调休 (政务服务中心值班管理制度 3.5);</li>
 * <li>{@value #SUPERVISOR_TURN}: the supervisor comes from the department whose turn it is (督导员值班制度 二.1).</li>
 * </ul>
 * Soft:
 * <ul>
 * <li>{@value #FAIR_LOAD}: duty days spread evenly — the sum over people of the square of (recent + planned) duty days,
 * which for a fixed total is least when the load is even;</li>
 * <li>{@value #FAIR_LEADER}: the duty leader's role spread the same way;</li>
 * <li>{@value #CONSECUTIVE_DAYS}: no duty on two days in a row.</li>
 * </ul>
 */
public class RosterConstraints implements ConstraintProvider {

    public static final String ONE_DUTY_A_DAY = "one duty a day";
    public static final String ON_LEAVE = "not on leave";
    public static final String SUPERVISOR_TURN = "supervisor from the department whose turn it is";
    public static final String FAIR_LOAD = "fair load";
    public static final String FAIR_LEADER = "fair leader load";
    public static final String CONSECUTIVE_DAYS = "no duty on consecutive days";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {oneDutyADay(f), notOnLeave(f), supervisorTurn(f), fairLoad(f), fairLeader(f),
                consecutiveDays(f)};
    }

    Constraint oneDutyADay(ConstraintFactory f) {
        return f.forEachUniquePair(DutySlot.class, Joiners.equal(DutySlot::getDay), Joiners.equal(DutySlot::getPerson))
                .penalize(HardSoftScore.ONE_HARD).asConstraint(ONE_DUTY_A_DAY);
    }

    Constraint notOnLeave(ConstraintFactory f) {
        return f.forEach(DutySlot.class).filter(s -> !s.getPerson().availableOn(s.getDay()))
                .penalize(HardSoftScore.ONE_HARD).asConstraint(ON_LEAVE);
    }

    Constraint supervisorTurn(ConstraintFactory f) {
        return f.forEach(DutySlot.class).filter(s -> !s.departmentFits())
                .penalize(HardSoftScore.ONE_HARD).asConstraint(SUPERVISOR_TURN);
    }

    Constraint fairLoad(ConstraintFactory f) {
        return f.forEach(DutySlot.class).groupBy(DutySlot::getPerson, count())
                .penalize(HardSoftScore.ONE_SOFT, (p, n) -> {
                    long total = p.recentDuties() + n;
                    return 10 * (total * total - (long) p.recentDuties() * p.recentDuties());
                }).asConstraint(FAIR_LOAD);
    }

    Constraint fairLeader(ConstraintFactory f) {
        return f.forEach(DutySlot.class).filter(s -> s.getRole() == DutyRole.LEADER)
                .groupBy(DutySlot::getPerson, count())
                .penalize(HardSoftScore.ONE_SOFT, (p, n) -> 5L * n * n).asConstraint(FAIR_LEADER);
    }

    Constraint consecutiveDays(ConstraintFactory f) {
        return f.forEachUniquePair(DutySlot.class, Joiners.equal(DutySlot::getPerson))
                .filter((a, b) -> Math.abs(a.getDayIndex() - b.getDayIndex()) == 1)
                .penalize(HardSoftScore.ONE_SOFT, (a, b) -> 3).asConstraint(CONSECUTIVE_DAYS);
    }
}
