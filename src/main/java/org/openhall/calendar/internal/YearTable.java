package org.openhall.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.SpecialDay;

/**
 * One year of a calendar, precomputed so that the arithmetic never walks day by day:
 * <ul>
 *   <li>{@code cum[i]} = number of working days among the first {@code i} days of the year
 *       ({@code cum[0] = 0}, {@code cum[length] = total}): a count over any range inside the year is one subtraction;</li>
 *   <li>{@code nth[k]} = day index (0-based) of the {@code (k+1)}-th working day: "the n-th working day
 *       after" is one array read.</li>
 * </ul>
 * Immutable once built.
 */
final class YearTable {

    final int year;
    final LocalDate first;
    final int length;
    final int total;
    private final int[] cum;
    private final int[] nth;
    private final boolean[] working;
    private final @Nullable String[] names;
    private final CalendarDay.Basis[] basis;

    private YearTable(int year, int length, int[] cum, int[] nth, boolean[] working, @Nullable String[] names,
            CalendarDay.Basis[] basis) {
        this.year = year;
        this.first = LocalDate.of(year, 1, 1);
        this.length = length;
        this.cum = cum;
        this.nth = nth;
        this.total = cum[length];
        this.working = working;
        this.names = names;
        this.basis = basis;
    }

    /**
     * Builds the table of a year.
     *
     * @param national the national exceptions of the year ({@code null} when the year has no official
     *                 arrangement and is computed by the weekday fallback)
     * @param local    the centre's overrides (only those of this year are used)
     */
    static YearTable build(int year, @Nullable Map<LocalDate, SpecialDay> national, Map<LocalDate, SpecialDay> local) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int length = first.lengthOfYear();
        int[] cum = new int[length + 1];
        int[] nthTmp = new int[length];
        boolean[] working = new boolean[length];
        @Nullable String[] names = new String[length];
        CalendarDay.Basis[] basis = new CalendarDay.Basis[length];
        CalendarDay.Basis ordinary = national == null ? CalendarDay.Basis.FALLBACK : CalendarDay.Basis.WEEKDAY_RULE;
        DayOfWeek dow = first.getDayOfWeek();
        int count = 0;
        for (int i = 0; i < length; i++) {
            LocalDate d = first.plusDays(i);
            SpecialDay special = local.get(d);
            CalendarDay.Basis b = CalendarDay.Basis.CENTRE;
            if (special == null && national != null) {
                special = national.get(d);
                b = CalendarDay.Basis.NATIONAL;
            }
            boolean w;
            if (special != null) {
                w = special.working();
                names[i] = special.name();
                basis[i] = b;
            } else {
                // 国务院关于职工工作时间的规定（国务院令第174号）第七条: Saturday and Sunday are the weekly rest days.
                w = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
                basis[i] = ordinary;
            }
            working[i] = w;
            if (w) {
                nthTmp[count++] = i;
            }
            cum[i + 1] = count;
            dow = dow.plus(1);
        }
        int[] nth = new int[count];
        System.arraycopy(nthTmp, 0, nth, 0, count);
        return new YearTable(year, length, cum, nth, working, names, basis);
    }

    /** 0-based index of a date of this year. */
    static int index(LocalDate d) {
        return d.getDayOfYear() - 1;
    }

    boolean working(int index) {
        return working[index];
    }

    /** Working days among the first {@code days} days of the year. */
    int before(int days) {
        return cum[days];
    }

    /** Day index of the {@code k}-th working day of the year, {@code k} counted from 1. */
    int indexOfWorkingDay(int k) {
        return nth[k - 1];
    }

    CalendarDay day(int index) {
        return new CalendarDay(first.plusDays(index), working[index], names[index], basis[index]);
    }
}
