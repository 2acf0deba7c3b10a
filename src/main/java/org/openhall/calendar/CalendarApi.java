package org.openhall.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * The working-day calendars of the installation (CAL-1..3), for every other module.
 *
 * <p>A {@code centreCode} of {@code null} (or blank) means the national calendar: the official
 * arrangements only, no fallback. A centre's calendar is the national one plus the centre's own
 * overrides and settings. An unknown centre code is a {@link org.openhall.shared.DomainException}
 * of kind NOT_FOUND; a date in a year without an arrangement is a {@link MissingCalendarYearException}
 * unless the centre chose the weekday fallback.
 */
public interface CalendarApi {

    /**
     * Makes a centre known to the calendar, or updates its code and name; a new centre gets the default
     * zone, an existing one keeps its zone. Idempotent. Joins the caller's transaction if there is one.
     */
    void registerCentre(long centreId, String code, String name);

    /**
     * Makes a centre known to the calendar in {@code zone} (CAL-1: its days begin and end at its own
     * midnight), or updates its code, name and zone. Idempotent; the organisation module calls it whenever
     * a centre is created or changed. Joins the caller's transaction if there is one.
     */
    void registerCentre(long centreId, String code, String name, ZoneId zone);

    boolean isWorkingDay(@Nullable String centreCode, LocalDate date);

    /** The day with its name and the rule that decided it. */
    CalendarDay day(@Nullable String centreCode, LocalDate date);

    /** Every day from {@code from} to {@code to}, both inclusive. */
    List<CalendarDay> days(@Nullable String centreCode, LocalDate from, LocalDate to);

    /**
     * The {@code n}-th working day after {@code from}; {@code from} itself is not counted
     * (民法典 第二百零一条: the day a period starts is not counted). {@code n = 0} gives {@code from}.
     */
    LocalDate addWorkingDays(@Nullable String centreCode, LocalDate from, int n);

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; negative
     * (the same count, negated) when {@code toInclusive} is before {@code fromExclusive}.
     */
    int workingDaysBetween(@Nullable String centreCode, LocalDate fromExclusive, LocalDate toInclusive);

    /**
     * The due date of a time limit of {@code workingDays} working days that started at {@code start},
     * with the clock stopped during {@code suspensions} (CAL-2). Dates in the centre's zone.
     */
    Deadline deadline(@Nullable String centreCode, Instant start, int workingDays, List<Suspension> suspensions);

    /** How many working days of a time limit that started at {@code start} have been used at {@code at}. */
    int workingDaysUsed(@Nullable String centreCode, Instant start, List<Suspension> suspensions, Instant at);

    /** The hall's opening hours on a working day (CAL-2). */
    OpeningHours openingHours(String centreCode);

    /** The zone in which the centre's dates are computed. */
    ZoneId zone(@Nullable String centreCode);

    /** The years with an official arrangement loaded (built in or imported). */
    SortedSet<Integer> loadedYears();
}
