package org.openhall.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.MissingCalendarYearException;
import org.openhall.calendar.SpecialDay;
import org.openhall.shared.DomainException;

/** CAL-2/CAL-3: adding and counting working days across holidays, years, overrides and the fallback. */
class WorkingCalendarTests {

    static final WorkingCalendar CAL = CalendarFixture.national();

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class SpringFestival {

        @Test
        void addAcross2025() {
            // Fri 01-24; Sun 01-26 调休 working; Mon 01-27; 01-28..02-04 off; Wed 02-05
            assertThat(CAL.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-26"));
            assertThat(CAL.addWorkingDays(d("2025-01-24"), 2)).isEqualTo(d("2025-01-27"));
            assertThat(CAL.addWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-02-05"));
            // Sat 02-08 is a working day, Sun 02-09 is not
            assertThat(CAL.addWorkingDays(d("2025-02-07"), 1)).isEqualTo(d("2025-02-08"));
            assertThat(CAL.addWorkingDays(d("2025-02-07"), 2)).isEqualTo(d("2025-02-10"));
        }

        @Test
        void countAcross2025() {
            // (01-24, 02-10]: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08, 02-10
            assertThat(CAL.workingDaysBetween(d("2025-01-24"), d("2025-02-10"))).isEqualTo(7);
            assertThat(CAL.workingDaysBetween(d("2025-01-27"), d("2025-02-04"))).isZero();
        }

        @Test
        void addAcross2026() {
            // Fri 02-13; Sat 02-14 调休 working; 02-15..02-23 off; Tue 02-24
            assertThat(CAL.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
            assertThat(CAL.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
            assertThat(CAL.workingDaysBetween(d("2026-02-13"), d("2026-02-28"))).isEqualTo(6); // 14, 24, 25, 26, 27, 28
        }
    }

    @Nested
    class NationalDay {

        @Test
        void addAcross2025() {
            LocalDate fri = d("2025-09-26");
            assertThat(CAL.addWorkingDays(fri, 1)).isEqualTo(d("2025-09-28")); // Sun, 调休
            assertThat(CAL.addWorkingDays(fri, 2)).isEqualTo(d("2025-09-29"));
            assertThat(CAL.addWorkingDays(fri, 3)).isEqualTo(d("2025-09-30"));
            assertThat(CAL.addWorkingDays(fri, 4)).isEqualTo(d("2025-10-09")); // 10-01..10-08 off
            assertThat(CAL.addWorkingDays(fri, 6)).isEqualTo(d("2025-10-11")); // Sat, 调休
            assertThat(CAL.addWorkingDays(fri, 7)).isEqualTo(d("2025-10-13"));
        }

        @Test
        void addAcross2026() {
            LocalDate wed = d("2026-09-30");
            assertThat(CAL.addWorkingDays(wed, 1)).isEqualTo(d("2026-10-08"));
            assertThat(CAL.addWorkingDays(wed, 3)).isEqualTo(d("2026-10-10")); // Sat, 国庆节调休
            assertThat(CAL.addWorkingDays(wed, 4)).isEqualTo(d("2026-10-12"));
            // Fri 09-18; Sun 09-20 调休; 09-25..09-27 中秋节
            assertThat(CAL.addWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
            assertThat(CAL.workingDaysBetween(d("2026-09-18"), d("2026-10-12"))).isEqualTo(12);
        }
    }

    @Test
    void zeroDaysIsTheStartDateEvenOnAHoliday() {
        assertThat(CAL.addWorkingDays(d("2026-10-01"), 0)).isEqualTo(d("2026-10-01"));
        assertThat(CAL.workingDaysBetween(d("2026-10-01"), d("2026-10-01"))).isZero();
    }

    @Test
    void theStartDayIsNotCounted() {
        assertThat(CAL.addWorkingDays(d("2026-06-01"), 1)).isEqualTo(d("2026-06-02"));
        assertThat(CAL.workingDaysBetween(d("2026-06-01"), d("2026-06-02"))).isEqualTo(1);
    }

    @Test
    void acrossTheYearBoundary() {
        // 2026-01-01..03 off, Sun 01-04 调休 working
        assertThat(CAL.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        assertThat(CAL.workingDaysBetween(d("2025-12-31"), d("2026-01-05"))).isEqualTo(2);
        assertThat(CAL.workingDaysBetween(d("2025-01-01"), d("2026-12-31"))).isEqualTo(248 + 248); // 2025-01-01 is 元旦, not a working day
        assertThat(CAL.addWorkingDays(d("2024-12-31"), 496)).isEqualTo(d("2026-12-31"));
    }

    @Test
    void onlyTheYearsOfTheCountedDaysAreNeeded() {
        // 2024 is not loaded, but 2024-12-31 itself is never counted
        assertThat(CAL.addWorkingDays(d("2024-12-31"), 1)).isEqualTo(d("2025-01-02"));
        assertThat(CAL.workingDaysBetween(d("2024-12-31"), d("2025-01-03"))).isEqualTo(2);
        assertThat(CAL.workingDaysBetween(d("2026-12-30"), d("2026-12-31"))).isEqualTo(1);
    }

    @Test
    void reversedRangesCountNegative() {
        assertThat(CAL.workingDaysBetween(d("2025-02-10"), d("2025-01-24"))).isEqualTo(-7);
    }

    @Test
    void negativeOrHugeNIsRefused() {
        assertThatThrownBy(() -> CAL.addWorkingDays(d("2026-01-05"), -1)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThatThrownBy(() -> CAL.addWorkingDays(d("2026-01-05"), WorkingCalendar.MAX_WORKING_DAYS + 1))
                .isInstanceOf(DomainException.class);
    }

    @Nested
    class MissingYears {

        @Test
        void aDateOutsideTheLoadedYearsNamesTheYear() {
            assertThatThrownBy(() -> CAL.isWorkingDay(d("2027-01-04")))
                    .isInstanceOfSatisfying(MissingCalendarYearException.class, e -> {
                        assertThat(e.year()).isEqualTo(2027);
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
                        assertThat(e.messageKey()).isEqualTo("calendar.year.missing");
                        assertThat(e.args()).containsExactly("2027");
                    });
        }

        @Test
        void addingIntoAMissingYearFails() {
            assertThatThrownBy(() -> CAL.addWorkingDays(d("2026-12-20"), 20))
                    .isInstanceOfSatisfying(MissingCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027));
            // but a sum that stays inside 2026 works
            assertThat(CAL.addWorkingDays(d("2026-12-20"), 9)).isEqualTo(d("2026-12-31"));
        }

        @Test
        void countingFromAMissingYearFails() {
            assertThatThrownBy(() -> CAL.workingDaysBetween(d("2024-06-01"), d("2025-01-10")))
                    .isInstanceOfSatisfying(MissingCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2024));
        }

        @Test
        void listingDaysChecksEveryYearFirst() {
            assertThatThrownBy(() -> CAL.days(d("2026-12-01"), d("2027-01-31")))
                    .isInstanceOfSatisfying(MissingCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027));
        }
    }

    @Nested
    class WeekdayFallback {

        final WorkingCalendar fallback = CalendarFixture.centre(List.of(), true);

        @Test
        void aMissingYearFollowsMondayToFridayFlaggedAsFallback() {
            CalendarDay fri = fallback.day(d("2027-01-01"));
            assertThat(fri.working()).isTrue();
            assertThat(fri.basis()).isEqualTo(CalendarDay.Basis.FALLBACK);
            assertThat(fallback.isWorkingDay(d("2027-01-02"))).isFalse();
            assertThat(fallback.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-01"));
            assertThat(fallback.workingDaysInYear(2027)).isEqualTo(261);
            assertThat(fallback.covers(2031)).isTrue();
        }

        @Test
        void loadedYearsStillFollowTheArrangement() {
            CalendarDay day = fallback.day(d("2026-10-10"));
            assertThat(day.working()).isTrue();
            assertThat(day.name()).isEqualTo("国庆节调休");
            assertThat(day.basis()).isEqualTo(CalendarDay.Basis.NATIONAL);
        }

        @Test
        void datesFarOutsideAreRefusedNotGuessed() {
            assertThatThrownBy(() -> fallback.isWorkingDay(d("1800-01-01"))).isInstanceOf(DomainException.class);
        }
    }

    @Nested
    class CentreOverrides {

        final WorkingCalendar centre = CalendarFixture.centre(List.of(
                new SpecialDay(d("2026-06-01"), true, "县庆"),
                new SpecialDay(d("2026-10-07"), false, "窗口值守"),
                new SpecialDay(d("2027-03-01"), true, "本地假日")), true);

        @Test
        void aLocalHolidayIsOffAndNamed() {
            CalendarDay day = centre.day(d("2026-06-01"));
            assertThat(day.working()).isFalse();
            assertThat(day.name()).isEqualTo("县庆");
            assertThat(day.basis()).isEqualTo(CalendarDay.Basis.CENTRE);
            assertThat(centre.addWorkingDays(d("2026-05-29"), 1)).isEqualTo(d("2026-06-02"));
        }

        @Test
        void theCentreOverridesTheNationalArrangement() {
            assertThat(centre.isWorkingDay(d("2026-10-07"))).isTrue();
            assertThat(centre.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-07"));
            assertThat(CAL.isWorkingDay(d("2026-10-07"))).as("the national calendar is unchanged").isFalse();
        }

        @Test
        void overridesApplyInFallbackYearsToo() {
            assertThat(centre.isWorkingDay(d("2027-03-01"))).isFalse();
            assertThat(centre.day(d("2027-03-01")).basis()).isEqualTo(CalendarDay.Basis.CENTRE);
        }
    }
}
