package org.openhall.calendar;

import java.io.Serializable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A day as a calendar sees it.
 *
 * @param date    the day
 * @param working whether the hall works on it
 * @param name    the name of the holiday or adjusted working day, {@code null} for an ordinary day
 * @param basis   which rule decided it
 */
public record CalendarDay(LocalDate date, boolean working, @Nullable String name, Basis basis) implements Serializable {

    /** Which rule decided a day. */
    public enum Basis {
        /** An ordinary day of a loaded year: Monday to Friday work, Saturday and Sunday off. */
        WEEKDAY_RULE,
        /** The national arrangement of the year (statutory holiday or 调休 working day). */
        NATIONAL,
        /** An override of the centre (e.g. a local holiday). */
        CENTRE,
        /** A year without an official arrangement, decided by the plain weekday rule the centre chose as fallback. */
        FALLBACK
    }

    /** Whether the day is an exception to the weekend rule (a holiday on a weekday or work on a weekend). */
    public boolean adjusted() {
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        return working == weekend;
    }
}
