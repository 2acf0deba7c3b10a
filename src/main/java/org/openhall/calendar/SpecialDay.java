package org.openhall.calendar;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One exception to the weekend rule in an arrangement: a day off on a weekday (a statutory holiday,
 * or a local holiday of a centre) or a working day on a weekend (调休上班). Days that merely confirm
 * the weekend rule (a Saturday inside a holiday block) may be listed too, as the holiday-cn files do.
 *
 * @param date   the day
 * @param offDay {@code true} for a day off, {@code false} for a working day
 * @param name   its Chinese name, e.g. {@code 国庆节} or {@code 国庆节调休}
 */
public record SpecialDay(LocalDate date, boolean offDay, String name) implements Serializable {

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }

    /** Whether this day is a working day. */
    public boolean working() {
        return !offDay;
    }
}
