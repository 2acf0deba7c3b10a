package org.openhall.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.Deadline;
import org.openhall.calendar.Suspension;

/**
 * CAL-2: deadlines with suspensions (计时中止). A working day is given back only if a suspension covers
 * it wholly (00:00–24:00, Asia/Shanghai); the start day is not counted.
 */
class DeadlineTests {

    static final WorkingCalendar CAL = CalendarFixture.national();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CalendarFixture.SHANGHAI).toInstant();
    }

    static Suspension suspended(String from, String to) {
        return new Suspension(at(from), at(to));
    }

    // accepted Mon 2026-09-28 10:00; counting days: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), Sat 10-10 (5, 调休)
    static final Instant ACCEPTED = at("2026-09-28T10:00");

    @Test
    void withoutSuspensionTheDeadlineIsTheNthWorkingDayAfterTheStartDay() {
        Deadline d = CAL.deadline(ACCEPTED, 5, List.of());
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(d.suspendedWorkingDays()).isZero();
        assertThat(d.limit()).isEqualTo(5);
    }

    @Test
    void lateInTheEveningTheStartDayIsStillTheDayOfAcceptance() {
        // 23:30 in Shanghai is 15:30 UTC the same day; the zone decides the date
        assertThat(CAL.deadline(at("2026-09-28T23:30"), 1, List.of()).dueDate()).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(CAL.deadline(at("2026-09-29T00:30"), 1, List.of()).dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void onlyWholeSuspendedWorkingDaysAreGivenBack() {
        // suspended Tue 09-29 15:00 to Fri 10-09 10:00: wholly inside are 09-30..10-08, of which 09-30 and 10-08 are
        // working days; 09-29 and 10-09 were partly running and count as used
        Deadline d = CAL.deadline(ACCEPTED, 5, List.of(suspended("2026-09-29T15:00", "2026-10-09T10:00")));
        assertThat(d.suspendedWorkingDays()).isEqualTo(2);
        // counting days: 09-29, 10-09, 10-10, 10-12, 10-13
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void aSuspensionFromMidnightToMidnightCoversThatDay() {
        Deadline d = CAL.deadline(ACCEPTED, 5, List.of(suspended("2026-09-30T00:00", "2026-10-01T00:00")));
        assertThat(d.suspendedWorkingDays()).isEqualTo(1);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void aSuspensionWithinOneDayGivesNothingBack() {
        Deadline d = CAL.deadline(ACCEPTED, 5, List.of(suspended("2026-09-29T09:00", "2026-09-29T17:00")));
        assertThat(d.suspendedWorkingDays()).isZero();
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void aSuspensionOverHolidaysOnlyGivesBackWorkingDays() {
        // 10-01..10-07 are holidays: suspending over them changes nothing
        Deadline d = CAL.deadline(ACCEPTED, 5, List.of(suspended("2026-10-01T00:00", "2026-10-08T00:00")));
        assertThat(d.suspendedWorkingDays()).isZero();
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void overlappingSuspensionsCountOnce() {
        List<Suspension> s = List.of(suspended("2026-09-29T15:00", "2026-10-09T10:00"),
                suspended("2026-09-30T08:00", "2026-10-08T20:00"));
        assertThat(CAL.deadline(ACCEPTED, 5, s)).isEqualTo(new Deadline(LocalDate.of(2026, 10, 13), 5, 2));
    }

    @Test
    void touchingSuspensionsCoverTheDayBetweenThem() {
        // neither alone covers 09-30, together they do
        List<Suspension> s = List.of(suspended("2026-09-29T12:00", "2026-09-30T12:00"),
                suspended("2026-09-30T12:00", "2026-10-01T12:00"));
        assertThat(CAL.deadline(ACCEPTED, 5, s)).isEqualTo(new Deadline(LocalDate.of(2026, 10, 12), 5, 1));
    }

    @Test
    void suspensionsBeforeTheStartOrAfterTheDeadlineChangeNothing() {
        List<Suspension> s = List.of(suspended("2026-09-01T00:00", "2026-09-10T00:00"),
                suspended("2026-10-12T00:00", "2026-10-20T00:00"));
        assertThat(CAL.deadline(ACCEPTED, 5, s)).isEqualTo(new Deadline(LocalDate.of(2026, 10, 10), 5, 0));
    }

    @Test
    void aSuspensionStartingOnTheStartDayCountsFromTheNextDay() {
        // accepted 10:00, suspended from 11:00 the same day to 10-09 09:00: 09-29, 09-30, 10-08 given back
        Deadline d = CAL.deadline(ACCEPTED, 1, List.of(suspended("2026-09-28T11:00", "2026-10-09T09:00")));
        assertThat(d).isEqualTo(new Deadline(LocalDate.of(2026, 10, 9), 1, 3));
    }

    @Test
    void aZeroLimitIsDueOnTheStartDay() {
        assertThat(CAL.deadline(ACCEPTED, 0, List.of()).dueDate()).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void workingDaysUsedSoFar() {
        assertThat(CAL.workingDaysUsed(ACCEPTED, List.of(), at("2026-09-28T18:00"))).isZero();
        assertThat(CAL.workingDaysUsed(ACCEPTED, List.of(), at("2026-09-29T00:00"))).as("at 00:00 the day has not begun").isZero();
        assertThat(CAL.workingDaysUsed(ACCEPTED, List.of(), at("2026-09-29T09:00"))).isEqualTo(1);
        assertThat(CAL.workingDaysUsed(ACCEPTED, List.of(), at("2026-10-05T12:00"))).as("holidays do not count").isEqualTo(2);
        assertThat(CAL.workingDaysUsed(ACCEPTED, List.of(), at("2026-10-10T12:00"))).as("on the due date").isEqualTo(5);
        assertThat(CAL.workingDaysUsed(ACCEPTED, List.of(), at("2026-10-12T09:00"))).as("overdue").isEqualTo(6);
    }

    @Test
    void workingDaysUsedWhileSuspended() {
        List<Suspension> s = List.of(suspended("2026-09-29T15:00", "2026-10-09T10:00"));
        assertThat(CAL.workingDaysUsed(ACCEPTED, s, at("2026-09-29T16:00"))).as("the day it began counts").isEqualTo(1);
        assertThat(CAL.workingDaysUsed(ACCEPTED, s, at("2026-09-30T12:00"))).as("held since 00:00").isEqualTo(1);
        assertThat(CAL.workingDaysUsed(ACCEPTED, s, at("2026-10-08T12:00"))).isEqualTo(1);
        assertThat(CAL.workingDaysUsed(ACCEPTED, s, at("2026-10-09T09:00"))).as("still suspended at 09:00").isEqualTo(1);
        assertThat(CAL.workingDaysUsed(ACCEPTED, s, at("2026-10-09T12:00"))).as("resumed at 10:00").isEqualTo(2);
        assertThat(CAL.workingDaysUsed(ACCEPTED, s, at("2026-10-13T12:00"))).as("on the due date").isEqualTo(5);
    }
}
