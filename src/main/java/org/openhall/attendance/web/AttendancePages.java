package org.openhall.attendance.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Small helpers of the attendance pages. */
final class AttendancePages {

    private AttendancePages() {
    }

    /** The month of a {@code yyyy-MM} parameter, else the default. */
    static YearMonth month(@Nullable String value, YearMonth otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
