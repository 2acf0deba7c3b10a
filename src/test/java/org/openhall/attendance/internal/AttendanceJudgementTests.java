package org.openhall.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.FindingKind;
import org.openhall.attendance.LeaveType;
import org.openhall.attendance.internal.AttendanceJudgement.DueHours;
import org.openhall.calendar.OpeningHours;

/** The attendance judgement without Spring (ATT-1, ATT-4): hours due, late, early, absent, late return. */
class AttendanceJudgementTests {

    static final LocalDate DAY = LocalDate.of(2026, 9, 28);
    static final OpeningHours OPEN = new OpeningHours(LocalTime.of(8, 30), LocalTime.of(17, 30));
    static final DueHours DUE = new DueHours(LocalTime.of(8, 20), LocalTime.of(17, 30));

    static ApprovedLeave leave(String from, String to) {
        return new ApprovedLeave(1, 1, 1, LeaveType.PERSONAL, DAY.atTime(LocalTime.parse(from)),
                DAY.atTime(LocalTime.parse(to)), null);
    }

    static LocalTime t(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    @Test
    void dutyHoursWinElseOpeningHoursTenMinutesEarlyOnWorkingDaysOnly() {
        Duration ten = Duration.ofMinutes(10);
        assertThat(AttendanceJudgement.due(null, true, OPEN, ten)).isEqualTo(DUE);
        assertThat(AttendanceJudgement.due(null, false, OPEN, ten)).isNull();
        DueHours duty = new DueHours(t("08:00"), t("18:00"));
        assertThat(AttendanceJudgement.due(duty, false, OPEN, ten)).isEqualTo(duty);
    }

    @Test
    void lateAfterTheTimeDueHalfDayAbsentAfterTheMiddleLeaveMovesTheStart() {
        assertThat(AttendanceJudgement.signIn(DAY, t("08:20"), DUE, List.of())).isNull();
        assertThat(AttendanceJudgement.signIn(DAY, t("08:21"), DUE, List.of())).isEqualTo(FindingKind.LATE);
        assertThat(AttendanceJudgement.signIn(DAY, t("12:56"), DUE, List.of())).isEqualTo(FindingKind.ABSENTEEISM);
        List<ApprovedLeave> morning = List.of(leave("08:00", "12:00"));
        assertThat(AttendanceJudgement.effectiveStart(DAY, DUE, morning)).isEqualTo(t("12:00"));
        assertThat(AttendanceJudgement.signIn(DAY, t("11:58"), DUE, morning)).isNull();
        assertThat(AttendanceJudgement.signIn(DAY, t("13:10"), DUE, morning)).isEqualTo(FindingKind.LATE);
    }

    @Test
    void earlyBeforeTheEndUnlessLeaveCoversTheRest() {
        assertThat(AttendanceJudgement.signOut(DAY, t("17:30"), DUE, List.of())).isNull();
        assertThat(AttendanceJudgement.signOut(DAY, t("17:10"), DUE, List.of())).isEqualTo(FindingKind.EARLY_LEAVE);
        assertThat(AttendanceJudgement.signOut(DAY, t("15:00"), DUE, List.of(leave("15:00", "17:30")))).isNull();
        assertThat(AttendanceJudgement.signOut(DAY, t("14:50"), DUE, List.of(leave("15:00", "17:30"))))
                .isEqualTo(FindingKind.EARLY_LEAVE);
    }

    @Test
    void lateReturnIsLateUpToThirtyMinutesThenAbsentFromPost() {
        Duration limit = Duration.ofMinutes(30);
        assertThat(AttendanceJudgement.lateReturn(Duration.ofMinutes(-5), limit)).isNull();
        assertThat(AttendanceJudgement.lateReturn(Duration.ZERO, limit)).isNull();
        assertThat(AttendanceJudgement.lateReturn(Duration.ofMinutes(30), limit)).isEqualTo(FindingKind.LATE);
        assertThat(AttendanceJudgement.lateReturn(Duration.ofMinutes(31), limit)).isEqualTo(FindingKind.ABSENT_FROM_POST);
    }

    @Test
    void theUncoveredPartOfTheDayDecidesWholeOrHalfDayAbsence() {
        assertThat(AttendanceJudgement.uncovered(DAY, DUE, List.of())).isEqualTo(Duration.ofMinutes(550));
        assertThat(AttendanceJudgement.uncovered(DAY, DUE, List.of(leave("08:00", "18:00")))).isZero();
        Duration afternoonFree = AttendanceJudgement.uncovered(DAY, DUE, List.of(leave("08:00", "13:00")));
        assertThat(afternoonFree).isEqualTo(Duration.ofMinutes(270));
        assertThat(AttendanceJudgement.wholeDay(afternoonFree, DUE)).isFalse();
        assertThat(AttendanceJudgement.wholeDay(Duration.ofMinutes(550), DUE)).isTrue();
        assertThat(AttendanceJudgement.uncovered(DAY, DUE, List.of(leave("13:00", "14:00"), leave("09:00", "10:00"))))
                .isEqualTo(Duration.ofMinutes(430));
    }
}
