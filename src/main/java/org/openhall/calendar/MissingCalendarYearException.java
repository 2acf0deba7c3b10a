package org.openhall.calendar;

import org.openhall.shared.DomainException;

/**
 * A date falls in a year whose official arrangement has not been loaded, and the centre has not chosen
 * the plain weekday fallback (CAL-3: never a silent guess). The API answers 422 naming the year.
 */
public class MissingCalendarYearException extends DomainException {

    private final int year;

    public MissingCalendarYearException(int year) {
        // the year is passed as text so that message formatting does not print "2,027"
        super(Kind.UNPROCESSABLE, null, "calendar.year.missing", String.valueOf(year));
        this.year = year;
    }

    public int year() {
        return year;
    }
}
