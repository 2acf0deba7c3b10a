package org.openhall.duty.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.DepartmentKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of leaders on duty (DUTY-6), {@code openhall.duty.leaders.*}, with the regulations' values as defaults.
 *
 * @param minDaysPerWeek   窗口岗位值班制度 一: 各窗口单位的主管领导或分管领导每星期到大厅窗口坐班不得少于1天 — the days a
 *                         department's leader sits in the hall each week (weeks without a working day owe none).
 * @param reportDeadline   窗口岗位值班制度 五: 各部门要提前一星期将下星期领导坐班具体时间报政务中心备案 — next week's days
 *                         are due by the end of this weekday of the week before (Friday: the last working day of a
 *                         regular week). A later report is accepted (the leader still sits in) but flagged late, and
 *                         the late report is listed for the bulletin (七: 对未按坐班制度执行的单位将进行通报).
 * @param weeksAhead       how many weeks after the current one take reports (1: next week only).
 * @param deputyDays       窗口部门负责人值班制度 六: 副股长负责星期一至星期三的三天值班 — the weekdays of the deputy head.
 * @param headDays         窗口部门负责人值班制度 六: 股长负责星期四至星期五共二天的值班 — the weekdays of the head.
 * @param obligedKinds     窗口岗位值班制度 一 (各窗口单位): the kinds of department whose leaders must sit in; the centre's
 *                         own office (INTERNAL) registers the others.
 */
@ConfigurationProperties("openhall.duty.leaders")
@org.springframework.modulith.NamedInterface("leaders")
public record LeaderDutyRules(
        @DefaultValue("1") int minDaysPerWeek,
        @DefaultValue("FRIDAY") DayOfWeek reportDeadline,
        @DefaultValue("1") int weeksAhead,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY"}) Set<DayOfWeek> deputyDays,
        @DefaultValue({"THURSDAY", "FRIDAY"}) Set<DayOfWeek> headDays,
        @DefaultValue("STATIONED") Set<DepartmentKind> obligedKinds) {

    public LeaderDutyRules {
        if (minDaysPerWeek < 1 || minDaysPerWeek > 7) {
            throw new IllegalArgumentException("openhall.duty.leaders.min-days-per-week must be between 1 and 7");
        }
        if (weeksAhead < 1 || weeksAhead > 8) {
            throw new IllegalArgumentException("openhall.duty.leaders.weeks-ahead must be between 1 and 8");
        }
        deputyDays = Set.copyOf(deputyDays);
        headDays = Set.copyOf(headDays);
        obligedKinds = Set.copyOf(obligedKinds);
    }

    /** The Monday of the week of {@code day}. */
    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The last day on which the days of the week starting {@code monday} may be reported on time. */
    public LocalDate deadlineFor(LocalDate monday) {
        return monday.minusWeeks(1).with(TemporalAdjusters.nextOrSame(reportDeadline));
    }

    /** Whether a report made on {@code today} for a day of the week starting {@code monday} is late. */
    public boolean isLate(LocalDate today, LocalDate monday) {
        return today.isAfter(deadlineFor(monday));
    }

    /** The last day that takes reports on {@code today}: the Sunday {@code weeksAhead} weeks after this week. */
    public LocalDate lastReportableDay(LocalDate today) {
        return monday(today).plusWeeks(weeksAhead).plusDays(6);
    }

    /** Which department leader is on duty on a weekday by the pattern (null: neither, e.g. a weekend). */
    public @Nullable LeaderKind patternOn(DayOfWeek day) {
        if (deputyDays.contains(day)) {
            return LeaderKind.DEPUTY;
        }
        if (headDays.contains(day)) {
            return LeaderKind.HEAD;
        }
        return null;
    }
}
