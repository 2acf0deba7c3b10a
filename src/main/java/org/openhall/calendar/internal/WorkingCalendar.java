package org.openhall.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.Deadline;
import org.openhall.calendar.MissingCalendarYearException;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.Suspension;
import org.openhall.shared.DomainException;

/**
 * The arithmetic core of a working-day calendar (CAL-2, CAL-3): plain Java, immutable, thread-safe.
 *
 * <p>A day's status, in order of precedence: an override of the centre; the national arrangement of
 * the year (国务院办公厅 annual notice: statutory holidays off, 调休 weekend days on); otherwise
 * Monday–Friday working and Saturday/Sunday off (国务院令第174号 第七条). A date in a year without a
 * national arrangement is a {@link MissingCalendarYearException}, unless {@code weekdayFallback} is on,
 * in which case the weekday rule (plus the centre's overrides) decides and the day is flagged
 * {@link CalendarDay.Basis#FALLBACK}.
 *
 * <p>Every year is precomputed into a {@link YearTable} (prefix sums of working days and an index of
 * the n-th working day), so counting and adding take constant time per calendar year crossed,
 * independent of the number of days.
 */
public final class WorkingCalendar {

    /** The most working days {@link #addWorkingDays} accepts (about 400 years). */
    public static final int MAX_WORKING_DAYS = 100_000;
    /** The years a fallback calendar is computed for; dates outside are refused. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;

    private final Map<Integer, YearTable> loaded;
    /** The loaded tables by {@code year - firstYear}, for a look-up without hashing or boxing. */
    private final YearTable[] byYear;
    private final int firstYear;
    private final SortedSet<Integer> loadedYears;
    private final Map<LocalDate, SpecialDay> local;
    private final boolean weekdayFallback;
    private final ZoneId zone;
    private final Map<Integer, YearTable> fallbackTables = new ConcurrentHashMap<>();

    private WorkingCalendar(Map<Integer, YearTable> loaded, Map<LocalDate, SpecialDay> local, boolean weekdayFallback,
            ZoneId zone) {
        this.loaded = loaded;
        this.loadedYears = Collections.unmodifiableSortedSet(new TreeSet<>(loaded.keySet()));
        this.firstYear = loadedYears.isEmpty() ? 0 : loadedYears.first();
        this.byYear = new YearTable[loadedYears.isEmpty() ? 0 : loadedYears.last() - firstYear + 1];
        loaded.forEach((y, t) -> byYear[y - firstYear] = t);
        this.local = local;
        this.weekdayFallback = weekdayFallback;
        this.zone = zone;
    }

    /**
     * Builds a calendar.
     *
     * @param years           the years that have an official arrangement
     * @param national        the national exceptions; each must fall in one of {@code years}
     * @param local           the centre's overrides (any year)
     * @param weekdayFallback whether a year without arrangement follows the plain weekday rule instead of failing
     * @param zone            the zone in which instants become dates
     */
    public static WorkingCalendar of(Collection<Integer> years, Collection<SpecialDay> national,
            Collection<SpecialDay> local, boolean weekdayFallback, ZoneId zone) {
        Map<Integer, Map<LocalDate, SpecialDay>> byYear = new HashMap<>();
        for (int y : years) {
            byYear.put(y, new HashMap<>());
        }
        for (SpecialDay d : national) {
            Map<LocalDate, SpecialDay> m = byYear.get(d.date().getYear());
            if (m == null) {
                throw new IllegalArgumentException("national day " + d.date() + " outside the loaded years " + years);
            }
            m.put(d.date(), d);
        }
        Map<LocalDate, SpecialDay> localMap = new HashMap<>();
        for (SpecialDay d : local) {
            localMap.put(d.date(), d);
        }
        Map<Integer, YearTable> tables = new HashMap<>();
        byYear.forEach((y, days) -> tables.put(y, YearTable.build(y, days, localMap)));
        return new WorkingCalendar(Map.copyOf(tables), Map.copyOf(localMap), weekdayFallback, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean weekdayFallback() {
        return weekdayFallback;
    }

    public SortedSet<Integer> loadedYears() {
        return loadedYears;
    }

    /** Whether dates of this year can be computed (an arrangement is loaded, or the fallback is on). */
    public boolean covers(int year) {
        return loaded.containsKey(year) || (weekdayFallback && year >= MIN_YEAR && year <= MAX_YEAR);
    }

    private YearTable table(int year) {
        int i = year - firstYear;
        if (i >= 0 && i < byYear.length && byYear[i] != null) {
            return byYear[i];
        }
        if (!weekdayFallback) {
            throw new MissingCalendarYearException(year);
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw DomainException.invalid("date", "calendar.date.outOfRange", String.valueOf(MIN_YEAR),
                    String.valueOf(MAX_YEAR));
        }
        return fallbackTables.computeIfAbsent(year, y -> YearTable.build(y, null, local));
    }

    /** Throws {@link MissingCalendarYearException} for the first year in {@code [from, to]} that cannot be computed. */
    public void requireYears(int from, int to) {
        for (int y = from; y <= to; y++) {
            table(y);
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        return table(date.getYear()).working(YearTable.index(date));
    }

    public CalendarDay day(LocalDate date) {
        return table(date.getYear()).day(YearTable.index(date));
    }

    /** Every day from {@code from} to {@code to}, both inclusive (empty if {@code to} is before {@code from}). */
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        requireYears(from.getYear(), to.getYear());
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(day(d));
        }
        return out;
    }

    /** Working days in a whole year. */
    public int workingDaysInYear(int year) {
        return table(year).total;
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} not counted; 民法典 第二百零一条:
     * a period counted in days starts on the next day). {@code n = 0} returns {@code from} unchanged.
     * Constant work per calendar year crossed.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0 || n > MAX_WORKING_DAYS) {
            throw DomainException.invalid("days", "calendar.days.range", "0", String.valueOf(MAX_WORKING_DAYS));
        }
        if (n == 0) {
            return from;
        }
        LocalDate start = from.plusDays(1);
        int year = start.getYear();
        int startIndex = YearTable.index(start);
        int remaining = n;
        while (true) {
            YearTable t = table(year);
            int before = t.before(startIndex);
            int available = t.total - before;
            if (remaining <= available) {
                return t.first.plusDays(t.indexOfWorkingDay(before + remaining));
            }
            remaining -= available;
            year++;
            startIndex = 0;
        }
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; the negated
     * count of the reversed range when {@code toInclusive < fromExclusive}. Constant work per year crossed.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int c = fromExclusive.compareTo(toInclusive);
        if (c == 0) {
            return 0;
        }
        if (c < 0) {
            return countInclusive(fromExclusive.plusDays(1), toInclusive);
        }
        return -countInclusive(toInclusive.plusDays(1), fromExclusive);
    }

    /** Working days in {@code [first, last]}; {@code first <= last}. Only the years of these days are needed. */
    private int countInclusive(LocalDate first, LocalDate last) {
        int y1 = first.getYear();
        int y2 = last.getYear();
        if (y1 == y2) {
            YearTable t = table(y1);
            return t.before(YearTable.index(last) + 1) - t.before(YearTable.index(first));
        }
        YearTable t1 = table(y1);
        int count = t1.total - t1.before(YearTable.index(first));
        for (int y = y1 + 1; y < y2; y++) {
            count += table(y).total;
        }
        return count + table(y2).before(YearTable.index(last) + 1);
    }

    // ---------------------------------------------------------------- deadlines with suspensions (计时中止)

    /**
     * The due date of a time limit of {@code limit} working days started at {@code start}, the clock
     * stopped while suspended. The start day does not count; each working day covered completely by a
     * suspension (00:00–24:00 in {@link #zone()}) is given back; partly suspended days count as used.
     */
    public Deadline deadline(Instant start, int limit, List<Suspension> suspensions) {
        if (limit < 0 || limit > MAX_WORKING_DAYS) {
            throw DomainException.invalid("limit", "calendar.days.range", "0", String.valueOf(MAX_WORKING_DAYS));
        }
        LocalDate startDate = LocalDate.ofInstant(start, zone);
        int remaining = limit;
        int suspended = 0;
        LocalDate cursor = startDate;
        for (DateRange r : coveredDays(startDate, suspensions, null)) {
            // cursor < r.first: count the running days up to the day before the suspension covers
            int available = workingDaysBetween(cursor, r.first.minusDays(1));
            if (remaining <= available) {
                break;
            }
            remaining -= available;
            suspended += workingDaysBetween(r.first.minusDays(1), r.last);
            cursor = r.last;
        }
        return new Deadline(addWorkingDays(cursor, remaining), limit, suspended);
    }

    /**
     * How many working days of a time limit started at {@code start} have been used at instant {@code at}:
     * the working days after the start day on which the clock has run by {@code at}. A day counts as
     * soon as the clock has run on it; the day in progress at {@code at} counts unless suspended since
     * its beginning; a day that {@code at} has not yet entered (at exactly 00:00) does not count.
     */
    public int workingDaysUsed(Instant start, List<Suspension> suspensions, Instant at) {
        LocalDate startDate = LocalDate.ofInstant(start, zone);
        LocalDate atDate = LocalDate.ofInstant(at, zone);
        LocalDate last = at.equals(atDate.atStartOfDay(zone).toInstant()) ? atDate.minusDays(1) : atDate;
        if (!last.isAfter(startDate)) {
            return 0;
        }
        int used = workingDaysBetween(startDate, last);
        for (DateRange r : coveredDays(startDate, suspensions, at)) {
            if (r.first.isAfter(last)) {
                break;
            }
            LocalDate to = r.last.isAfter(last) ? last : r.last;
            used -= workingDaysBetween(r.first.minusDays(1), to);
        }
        return used;
    }

    private record DateRange(LocalDate first, LocalDate last) {
    }

    private record Interval(Instant start, Instant end) {
    }

    /**
     * The days after {@code startDate} covered completely by the union of the suspensions, as sorted,
     * disjoint date ranges. With {@code at} given, a suspension still running at {@code at} also covers
     * the day in progress at {@code at} (if it began no later than that day's start).
     */
    private List<DateRange> coveredDays(LocalDate startDate, List<Suspension> suspensions, Instant at) {
        if (suspensions.isEmpty()) {
            return List.of();
        }
        List<Interval> sorted = new ArrayList<>(suspensions.size());
        for (Suspension s : suspensions) {
            if (s.end().isAfter(s.start())) {
                sorted.add(new Interval(s.start(), s.end()));
            }
        }
        sorted.sort(Comparator.comparing(Interval::start));
        // merge overlapping and touching intervals: [a,b) and [b,c) cover the day around b together
        List<Interval> merged = new ArrayList<>();
        for (Interval i : sorted) {
            if (!merged.isEmpty() && !i.start().isAfter(merged.getLast().end())) {
                Interval lastInterval = merged.removeLast();
                Instant end = i.end().isAfter(lastInterval.end()) ? i.end() : lastInterval.end();
                merged.add(new Interval(lastInterval.start(), end));
            } else {
                merged.add(i);
            }
        }
        List<DateRange> out = new ArrayList<>(merged.size());
        LocalDate firstCountable = startDate.plusDays(1);
        for (Interval i : merged) {
            LocalDate sDate = LocalDate.ofInstant(i.start(), zone);
            // the first day wholly inside: the start day itself only if the suspension began at its 00:00
            LocalDate first = i.start().equals(sDate.atStartOfDay(zone).toInstant()) ? sDate : sDate.plusDays(1);
            LocalDate last;
            if (at != null && !i.end().isBefore(at)) {
                // still suspended at `at`: covers up to the day in progress (workingDaysUsed clips to its own last day)
                last = LocalDate.ofInstant(at, zone);
            } else {
                // the day the suspension ends on is not wholly inside (if it ends at 00:00, the day before is the last)
                last = LocalDate.ofInstant(i.end(), zone).minusDays(1);
            }
            if (first.isBefore(firstCountable)) {
                first = firstCountable;
            }
            if (!first.isAfter(last)) {
                out.add(new DateRange(first, last));
            }
        }
        return out;
    }
}
