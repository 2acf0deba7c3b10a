package org.openhall.bench.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openhall.calendar.internal.CalendarFixture;
import org.openhall.calendar.internal.NaiveCalendar;
import org.openhall.calendar.internal.WorkingCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CAL-2: the calendar arithmetic over a one-year span, the fast way ({@link WorkingCalendar}: per-year
 * prefix sums) against walking day by day ({@link NaiveCalendar}: one status look-up per day), on the
 * built-in 2025–2026 arrangements. Start dates cycle through 64 days spread over 2025 so that nothing
 * is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarArithmeticBenchmark {

    /** About one year of working days (2025 and 2026 have 248 each). */
    static final int ONE_YEAR_OF_WORKING_DAYS = 248;
    static final int ONE_YEAR_OF_DAYS = 365;

    WorkingCalendar fast;
    NaiveCalendar naive;
    final LocalDate[] starts = new LocalDate[64];
    int next;

    @Setup
    public void setUp() {
        fast = CalendarFixture.national();
        naive = CalendarFixture.naive(List.of(), false);
        for (int i = 0; i < starts.length; i++) {
            starts[i] = LocalDate.of(2025, 1, 1).plusDays(5L * i);
        }
        // both must agree before they are timed
        for (LocalDate d : starts) {
            if (!fast.addWorkingDays(d, ONE_YEAR_OF_WORKING_DAYS).equals(naive.addWorkingDays(d, ONE_YEAR_OF_WORKING_DAYS))
                    || fast.workingDaysBetween(d, d.plusDays(ONE_YEAR_OF_DAYS)) != naive.workingDaysBetween(d, d.plusDays(ONE_YEAR_OF_DAYS))) {
                throw new IllegalStateException("fast and naive disagree from " + d);
            }
        }
    }

    LocalDate start() {
        next = (next + 1) & 63;
        return starts[next];
    }

    @Benchmark
    public LocalDate addOneYearOfWorkingDaysNaive() {
        return naive.addWorkingDays(start(), ONE_YEAR_OF_WORKING_DAYS);
    }

    @Benchmark
    public LocalDate addOneYearOfWorkingDaysFast() {
        return fast.addWorkingDays(start(), ONE_YEAR_OF_WORKING_DAYS);
    }

    @Benchmark
    public int countOverOneYearNaive() {
        LocalDate from = start();
        return naive.workingDaysBetween(from, from.plusDays(ONE_YEAR_OF_DAYS));
    }

    @Benchmark
    public int countOverOneYearFast() {
        LocalDate from = start();
        return fast.workingDaysBetween(from, from.plusDays(ONE_YEAR_OF_DAYS));
    }
}
