package org.openhall.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.openhall.calendar.Deadline;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.Suspension;

/**
 * The fast arithmetic ({@link WorkingCalendar}: prefix sums per year) against the naive day-by-day
 * reference ({@link NaiveCalendar}) for random dates, ranges, centre overrides and suspensions within
 * the loaded years 2025–2026 (and, with the fallback, 2024–2028).
 */
class WorkingCalendarProperties {

    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST = LocalDate.of(2026, 12, 31);
    static final int SPAN = 730; // days of 2025 and 2026

    static LocalDate day(int offset) {
        return FIRST.plusDays(offset);
    }

    @Provide
    Arbitrary<List<SpecialDay>> overrides() {
        Arbitrary<SpecialDay> one = Combinators.combine(Arbitraries.integers().between(0, SPAN - 1), Arbitraries.of(true, false))
                .as((offset, off) -> new SpecialDay(day(offset), off, off ? "本地假日" : "本地上班"));
        return one.list().ofMaxSize(6).uniqueElements(SpecialDay::date);
    }

    @Property(tries = 300)
    void addMatchesTheNaiveWalkAndLandsOnAWorkingDay(@ForAll @IntRange(min = 0, max = SPAN - 1) int offset,
            @ForAll @IntRange(min = 0, max = 600) int n, @ForAll("overrides") List<SpecialDay> local) {
        WorkingCalendar fast = CalendarFixture.centre(local, false);
        NaiveCalendar naive = CalendarFixture.naive(local, false);
        LocalDate from = day(offset);
        int n2 = n % (naive.workingDaysBetween(from, LAST) + 1); // stay inside the loaded years
        LocalDate result = fast.addWorkingDays(from, n2);
        assertThat(result).isEqualTo(naive.addWorkingDays(from, n2));
        if (n2 > 0) {
            assertThat(fast.isWorkingDay(result)).isTrue();
            assertThat(result).isAfter(from);
        } else {
            assertThat(result).isEqualTo(from);
        }
        assertThat(fast.workingDaysBetween(from, result)).isEqualTo(n2);
    }

    @Property(tries = 300)
    void countMatchesTheNaiveWalk(@ForAll @IntRange(min = 0, max = SPAN - 1) int a, @ForAll @IntRange(min = 0, max = SPAN - 1) int b,
            @ForAll("overrides") List<SpecialDay> local) {
        WorkingCalendar fast = CalendarFixture.centre(local, false);
        NaiveCalendar naive = CalendarFixture.naive(local, false);
        int count = fast.workingDaysBetween(day(a), day(b));
        assertThat(count).isEqualTo(naive.workingDaysBetween(day(a), day(b)));
        assertThat(fast.workingDaysBetween(day(b), day(a))).isEqualTo(-count);
    }

    @Property(tries = 200)
    void addIsMonotonic(@ForAll @IntRange(min = 0, max = 364) int offset, @ForAll @IntRange(min = 0, max = 200) int n,
            @ForAll @IntRange(min = 0, max = 30) int more, @ForAll @IntRange(min = 0, max = 30) int later) {
        WorkingCalendar fast = CalendarFixture.national();
        LocalDate from = day(offset);
        // more days never end earlier; a later start never ends earlier
        assertThat(fast.addWorkingDays(from, n + more)).isAfterOrEqualTo(fast.addWorkingDays(from, n));
        assertThat(fast.addWorkingDays(from.plusDays(later), n)).isAfterOrEqualTo(fast.addWorkingDays(from, n));
        // count is monotonic in its end
        assertThat(fast.workingDaysBetween(from, from.plusDays(later + more)))
                .isGreaterThanOrEqualTo(fast.workingDaysBetween(from, from.plusDays(later)));
    }

    @Property(tries = 200)
    void withTheFallbackMissingYearsFollowTheWeekdayRule(@ForAll @IntRange(min = -366, max = SPAN + 700) int offset,
            @ForAll @IntRange(min = 0, max = 500) int n, @ForAll("overrides") List<SpecialDay> local) {
        WorkingCalendar fast = CalendarFixture.centre(local, true);
        NaiveCalendar naive = CalendarFixture.naive(local, true);
        LocalDate from = day(offset);
        LocalDate result = fast.addWorkingDays(from, n);
        assertThat(result).isEqualTo(naive.addWorkingDays(from, n));
        assertThat(fast.workingDaysBetween(from, result)).isEqualTo(n);
        assertThat(fast.workingDaysBetween(from.minusDays(40), from.plusDays(400)))
                .isEqualTo(naive.workingDaysBetween(from.minusDays(40), from.plusDays(400)));
        assertThat(fast.isWorkingDay(from)).isEqualTo(naive.isWorkingDay(from));
    }

    // ------------------------------------------------------------------ suspensions

    static final Instant BASE = FIRST.atStartOfDay(CalendarFixture.SHANGHAI).toInstant();

    /** An instant within the first ~300 days, sometimes exactly at midnight, sometimes at a random minute. */
    static Arbitrary<Instant> instants(int maxDays) {
        Arbitrary<Instant> midnight = Arbitraries.integers().between(0, maxDays)
                .map(d -> BASE.plusSeconds(86_400L * d));
        Arbitrary<Instant> minute = Arbitraries.integers().between(0, maxDays * 1440)
                .map(m -> BASE.plusSeconds(60L * m));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, midnight), net.jqwik.api.Tuple.of(2, minute));
    }

    @Provide
    Arbitrary<List<Suspension>> suspensions() {
        Arbitrary<Suspension> one = Combinators.combine(instants(300),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 30).map(d -> 86_400L * d)),
                                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 20 * 1440).map(m -> 60L * m))))
                .as((start, seconds) -> new Suspension(start, start.plusSeconds(seconds)));
        return one.list().ofMaxSize(5);
    }

    @Property(tries = 400)
    void deadlineMatchesTheNaiveWalk(@ForAll("start") Instant start, @ForAll @IntRange(min = 0, max = 120) int limit,
            @ForAll("suspensions") List<Suspension> suspensions) {
        WorkingCalendar fast = CalendarFixture.national();
        NaiveCalendar naive = CalendarFixture.naive(List.of(), false);
        Deadline d = fast.deadline(start, limit, suspensions);
        assertThat(d.dueDate()).isEqualTo(naive.deadline(start, limit, suspensions));
        if (limit > 0) {
            assertThat(fast.isWorkingDay(d.dueDate())).isTrue();
        }
        // the given-back days are exactly the extra working days the deadline moved by
        LocalDate startDate = LocalDate.ofInstant(start, CalendarFixture.SHANGHAI);
        assertThat(fast.workingDaysBetween(startDate, d.dueDate())).isEqualTo(limit + d.suspendedWorkingDays());
        // used: the days before the due date make limit − 1, the end of the due date makes limit
        Instant dueStart = d.dueDate().atStartOfDay(CalendarFixture.SHANGHAI).toInstant();
        Instant dueEnd = d.dueDate().plusDays(1).atStartOfDay(CalendarFixture.SHANGHAI).toInstant();
        if (limit > 0) {
            assertThat(fast.workingDaysUsed(start, suspensions, dueEnd)).isEqualTo(limit);
            assertThat(fast.workingDaysUsed(start, suspensions, dueStart)).isEqualTo(limit - 1);
        }
        // adding a suspension never brings the deadline forward
        assertThat(d.dueDate()).isAfterOrEqualTo(fast.deadline(start, limit, List.of()).dueDate());
    }

    @Property(tries = 400)
    void workingDaysUsedMatchesTheNaiveWalk(@ForAll("start") Instant start, @ForAll("suspensions") List<Suspension> suspensions,
            @ForAll @IntRange(min = 0, max = 400 * 1440) int minutes, @ForAll boolean midnight) {
        WorkingCalendar fast = CalendarFixture.national();
        NaiveCalendar naive = CalendarFixture.naive(List.of(), false);
        Instant at = BASE.plusSeconds(midnight ? 86_400L * (minutes / 1440) : 60L * minutes);
        assertThat(fast.workingDaysUsed(start, suspensions, at)).isEqualTo(naive.used(start, suspensions, at));
    }

    @Provide
    Arbitrary<Instant> start() {
        return instants(300);
    }

    @Property(tries = 100)
    void unionCoverageOfTheReferenceIsSound(@ForAll @Size(max = 4) List<@IntRange(min = 0, max = 20) Integer> starts) {
        // a sanity check of the reference itself: consecutive touching intervals cover their whole span
        List<Suspension> chain = new ArrayList<>();
        Instant t = BASE;
        for (int hours : starts) {
            Instant next = t.plusSeconds(3600L * (hours + 1));
            chain.add(new Suspension(t, next));
            t = next;
        }
        assertThat(NaiveCalendar.covered(BASE, t, chain)).isTrue();
        assertThat(NaiveCalendar.covered(BASE, t.plusSeconds(1), chain)).isFalse();
    }
}
