package org.openhall.calendar.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhall.calendar.MissingCalendarYearException;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.Suspension;

/**
 * The reference implementation: the same rules, decided day by day and counted by walking over the
 * days one at a time. Written to be obviously right, not fast; the property tests compare
 * {@link WorkingCalendar} with it and the benchmark measures the difference.
 */
public final class NaiveCalendar {

    private final Set<Integer> years;
    private final Map<LocalDate, Boolean> national = new HashMap<>();
    private final Map<LocalDate, Boolean> local = new HashMap<>();
    private final boolean fallback;
    private final ZoneId zone;

    public NaiveCalendar(Set<Integer> years, Collection<SpecialDay> national, Collection<SpecialDay> local,
            boolean fallback, ZoneId zone) {
        this.years = Set.copyOf(years);
        national.forEach(d -> this.national.put(d.date(), d.offDay()));
        local.forEach(d -> this.local.put(d.date(), d.offDay()));
        this.fallback = fallback;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate d) {
        if (!years.contains(d.getYear()) && !fallback) {
            throw new MissingCalendarYearException(d.getYear());
        }
        Boolean off = local.get(d);
        if (off == null) {
            off = national.get(d);
        }
        if (off == null) {
            off = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
        return !off;
    }

    public LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** Walks the days after the start day, counting working days not wholly suspended, until {@code limit}. */
    public LocalDate deadline(Instant start, int limit, List<Suspension> suspensions) {
        LocalDate d = LocalDate.ofInstant(start, zone);
        int counted = 0;
        while (counted < limit) {
            d = d.plusDays(1);
            Instant d0 = d.atStartOfDay(zone).toInstant();
            Instant d1 = d.plusDays(1).atStartOfDay(zone).toInstant();
            if (isWorkingDay(d) && !covered(d0, d1, suspensions)) {
                counted++;
            }
        }
        return d;
    }

    /** Walks the days after the start day up to {@code at}; a day counts if the clock ran on it before {@code at}. */
    public int used(Instant start, List<Suspension> suspensions, Instant at) {
        int used = 0;
        for (LocalDate d = LocalDate.ofInstant(start, zone).plusDays(1); ; d = d.plusDays(1)) {
            Instant d0 = d.atStartOfDay(zone).toInstant();
            if (!d0.isBefore(at)) {
                return used;
            }
            Instant d1 = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = d1.isBefore(at) ? d1 : at;
            if (isWorkingDay(d) && !covered(d0, end, suspensions)) {
                used++;
            }
        }
    }

    /** Whether the union of the suspensions covers {@code [from, to)}: follow the intervals from {@code from} on. */
    static boolean covered(Instant from, Instant to, List<Suspension> suspensions) {
        Instant t = from;
        boolean advanced = true;
        while (t.isBefore(to) && advanced) {
            advanced = false;
            for (Suspension s : suspensions) {
                if (!s.start().isAfter(t) && s.end().isAfter(t)) {
                    t = s.end();
                    advanced = true;
                }
            }
        }
        return !t.isBefore(to);
    }
}
