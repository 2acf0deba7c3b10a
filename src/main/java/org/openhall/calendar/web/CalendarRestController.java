package org.openhall.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.internal.CalendarProperties;
import org.openhall.calendar.internal.CalendarService;
import org.openhall.calendar.internal.WorkingCalendar;
import org.openhall.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public working-day API (CAL-2, issue #2 item 3), no login. Errors are RFC 9457 problem details
 * (org.openhall.shared.web.ApiProblems): malformed or reversed input 400, unknown centre 404, a year
 * without arrangement 422 naming the year.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarRestController {

    /**
     * One day. {@code name} is present only for a named day (holiday, 调休 working day, a centre's own
     * day) and absent for an ordinary day; {@code fallback} is present (true) only for a day decided by
     * the weekday fallback in a year without an official arrangement.
     */
    record Workday(LocalDate date, boolean working, @Nullable String name, @Nullable Boolean fallback) {

        static Workday of(CalendarDay d) {
            return new Workday(d.date(), d.working(), d.name(),
                    d.basis() == CalendarDay.Basis.FALLBACK ? Boolean.TRUE : null);
        }
    }

    record DateResult(LocalDate date) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final CalendarService calendars;
    private final CalendarProperties properties;

    CalendarRestController(CalendarService calendars, CalendarProperties properties) {
        this.calendars = calendars;
        this.properties = properties;
    }

    /** {@code GET /api/v1/calendar/workdays?from=YYYY-MM-DD&to=YYYY-MM-DD[&centre=CODE]}: one entry per date. */
    @GetMapping("/workdays")
    @Operation(summary = "Every date of a range with whether it is a working day and the name of holidays and 调休 days",
            description = "One entry per date from `from` to `to` (inclusive, at most openhall.calendar.max-range-days). "
                    + "`name` is absent on ordinary days; `fallback: true` marks a day computed by a centre's weekday fallback. "
                    + "400 malformed or reversed range, 404 unknown centre, 422 a year without official arrangement.")
    List<Workday> workdays(
            @Parameter(description = "first date, YYYY-MM-DD", example = "2026-09-28") @RequestParam(name = "from", required = false) @Nullable String fromText,
            @Parameter(description = "last date, YYYY-MM-DD", example = "2026-10-12") @RequestParam(name = "to", required = false) @Nullable String toText,
            @Parameter(description = "centre code; absent = the national calendar") @RequestParam(required = false) @Nullable String centre) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw DomainException.invalid("to", "calendar.range.reversed", from.toString(), to.toString());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > properties.maxRangeDays()) {
            throw DomainException.invalid("to", "calendar.range.tooLong", String.valueOf(properties.maxRangeDays()));
        }
        return calendars.days(centre, from, to).stream().map(Workday::of).toList();
    }

    /**
     * {@code GET /api/v1/calendar/add-working-days?from=YYYY-MM-DD&days=N[&centre=CODE]}: the N-th working
     * day after {@code from} ({@code from} not counted).
     */
    @GetMapping("/add-working-days")
    @Operation(summary = "The N-th working day after a date (the date itself not counted)",
            description = "days = 0 returns `from`. 400 malformed input, 404 unknown centre, 422 a year without official arrangement.")
    DateResult addWorkingDays(
            @Parameter(description = "start date, YYYY-MM-DD; not counted", example = "2026-09-30") @RequestParam(name = "from", required = false) @Nullable String fromText,
            @Parameter(description = "number of working days, 0 to 100000", example = "3") @RequestParam(name = "days", required = false) @Nullable String daysText,
            @Parameter(description = "centre code; absent = the national calendar") @RequestParam(required = false) @Nullable String centre) {
        LocalDate from = date("from", fromText);
        int days;
        try {
            days = Integer.parseInt(required("days", daysText).strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("days", "calendar.param.days.malformed", daysText);
        }
        if (days < 0 || days > WorkingCalendar.MAX_WORKING_DAYS) {
            throw DomainException.invalid("days", "calendar.days.range", "0", String.valueOf(WorkingCalendar.MAX_WORKING_DAYS));
        }
        return new DateResult(calendars.addWorkingDays(centre, from, days));
    }

    // Parameters are read as text and checked here, so that every refusal is a bilingual problem of this API
    // (the framework's own conversion errors would answer in English only).

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(name, "calendar.param.missing", name);
        }
        return value;
    }

    private static LocalDate date(String name, @Nullable String value) {
        String text = required(name, value).strip();
        try {
            if (!ISO_DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "calendar.param.date.malformed", name, text);
        }
    }
}
