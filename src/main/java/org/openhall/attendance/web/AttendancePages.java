package org.openhall.attendance.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.DomainException;

/** Small helpers of the attendance pages. */
final class AttendancePages {

    private AttendancePages() {
    }

    /** The HTTP status of a refusal shown inline on a page. */
    static int status(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case INVALID -> 400;
        };
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
