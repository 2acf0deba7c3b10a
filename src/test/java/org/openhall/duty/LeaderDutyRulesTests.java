package org.openhall.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.duty.internal.IncidentLifecycle;
import org.openhall.duty.internal.IncidentStatus;
import org.openhall.duty.internal.LeaderDutyRules;
import org.openhall.duty.internal.LeaderKind;
import org.openhall.duty.internal.SitInAttendance;
import org.openhall.duty.internal.SitInCompliance;
import org.openhall.duty.internal.SitInCompliance.Day;
import org.openhall.duty.internal.SitInCompliance.Reason;
import org.openhall.organization.DepartmentKind;

/** The rules of leaders on duty and the incident lifecycle, without Spring (DUTY-6, DUTY-7). */
class LeaderDutyRulesTests {

    static final LeaderDutyRules DEFAULTS = new LeaderDutyRules(1, DayOfWeek.FRIDAY, 1,
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY), Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            Set.of(DepartmentKind.STATIONED));

    static final LocalDate MON = LocalDate.of(2026, 12, 7);
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 4);

    @Test
    void nextWeeksDaysAreDueByFridayOfTheWeekBefore() {
        assertThat(LeaderDutyRules.monday(LocalDate.of(2026, 12, 9))).isEqualTo(MON);
        assertThat(LeaderDutyRules.monday(MON)).isEqualTo(MON);
        assertThat(DEFAULTS.deadlineFor(MON)).isEqualTo(DEADLINE);
        assertThat(DEFAULTS.isLate(DEADLINE, MON)).isFalse();
        assertThat(DEFAULTS.isLate(DEADLINE.plusDays(1), MON)).isTrue();
        assertThat(DEFAULTS.lastReportableDay(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 12, 13));
    }

    @Test
    void deputyHeadMondayToWednesdayHeadThursdayAndFriday() {
        assertThat(DEFAULTS.patternOn(DayOfWeek.MONDAY)).isEqualTo(LeaderKind.DEPUTY);
        assertThat(DEFAULTS.patternOn(DayOfWeek.WEDNESDAY)).isEqualTo(LeaderKind.DEPUTY);
        assertThat(DEFAULTS.patternOn(DayOfWeek.THURSDAY)).isEqualTo(LeaderKind.HEAD);
        assertThat(DEFAULTS.patternOn(DayOfWeek.FRIDAY)).isEqualTo(LeaderKind.HEAD);
        assertThat(DEFAULTS.patternOn(DayOfWeek.SATURDAY)).isNull();
    }

    @Test
    void aWeekIsJudgedOnlyAfterItsDeadline() {
        assertThat(SitInCompliance.judge(List.of(), 1, DEADLINE, DEADLINE)).isEmpty();
        assertThat(SitInCompliance.judge(List.of(), 1, DEADLINE, DEADLINE.plusDays(1)))
                .containsExactly(Reason.NOT_REPORTED);
    }

    @Test
    void reportedAndPresentComplies() {
        LocalDate wed = MON.plusDays(2);
        assertThat(SitInCompliance.judge(List.of(new Day(wed, false, SitInAttendance.PRESENT)), 1, DEADLINE,
                wed.plusDays(5))).isEmpty();
    }

    @Test
    void aDayStillToComeIsNotYetAnAbsence() {
        LocalDate wed = MON.plusDays(2);
        assertThat(SitInCompliance.judge(List.of(new Day(wed, false, SitInAttendance.PENDING)), 1, DEADLINE, MON))
                .isEmpty();
        assertThat(SitInCompliance.judge(List.of(new Day(wed, false, SitInAttendance.PENDING)), 1, DEADLINE, wed))
                .isEmpty();
        assertThat(SitInCompliance.judge(List.of(new Day(wed, false, SitInAttendance.PENDING)), 1, DEADLINE,
                wed.plusDays(1))).containsExactly(Reason.UNREGISTERED);
    }

    @Test
    void absentLateAndTooFewAreListed() {
        LocalDate wed = MON.plusDays(2);
        assertThat(SitInCompliance.judge(List.of(new Day(wed, false, SitInAttendance.ABSENT)), 1, DEADLINE, wed))
                .containsExactly(Reason.ABSENT);
        assertThat(SitInCompliance.judge(List.of(new Day(wed, true, SitInAttendance.PRESENT)), 1, DEADLINE, wed))
                .containsExactly(Reason.LATE_REPORT);
        // an absence made up by another day of the same week
        assertThat(SitInCompliance.judge(List.of(new Day(MON, false, SitInAttendance.ABSENT),
                new Day(wed, false, SitInAttendance.PRESENT)), 1, DEADLINE, wed)).isEmpty();
        // two days owed, one reported
        assertThat(SitInCompliance.judge(List.of(new Day(wed, false, SitInAttendance.PRESENT)), 2, DEADLINE, wed))
                .containsExactly(Reason.TOO_FEW_REPORTED);
    }

    @Test
    void incidentsMoveReportedEscalatedHandlingClosed() {
        assertThat(IncidentLifecycle.next(IncidentStatus.REPORTED, IncidentLifecycle.Step.ESCALATED))
                .contains(IncidentStatus.ESCALATED);
        assertThat(IncidentLifecycle.next(IncidentStatus.ESCALATED, IncidentLifecycle.Step.ACTION))
                .contains(IncidentStatus.HANDLING);
        assertThat(IncidentLifecycle.next(IncidentStatus.HANDLING, IncidentLifecycle.Step.ACTION))
                .contains(IncidentStatus.HANDLING);
        assertThat(IncidentLifecycle.next(IncidentStatus.HANDLING, IncidentLifecycle.Step.CLOSED))
                .contains(IncidentStatus.CLOSED);
        assertThat(IncidentLifecycle.next(IncidentStatus.REPORTED, IncidentLifecycle.Step.CLOSED)).isEmpty();
        assertThat(IncidentLifecycle.next(IncidentStatus.ESCALATED, IncidentLifecycle.Step.CLOSED)).isEmpty();
        assertThat(IncidentLifecycle.next(IncidentStatus.CLOSED, IncidentLifecycle.Step.ESCALATED)).isEmpty();
        assertThat(IncidentLifecycle.allowed(IncidentStatus.CLOSED)).isEmpty();
        assertThat(IncidentLifecycle.allowed(IncidentStatus.REPORTED)).containsExactly(IncidentLifecycle.Step.ESCALATED);
    }
}
