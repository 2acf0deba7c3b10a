package org.openhall.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.openhall.calendar.SpecialDay;

/** The built-in arrangements (2025, 2026) as plain objects, for unit tests and the benchmark. */
public final class CalendarFixture {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Set<Integer> YEARS = Set.of(2025, 2026);

    private CalendarFixture() {
    }

    public static HolidayFile file(int year) {
        try (InputStream in = CalendarFixture.class.getResourceAsStream("/calendar/holidays/" + year + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no built-in file for " + year);
            }
            return new HolidayFileParser().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every national exception of 2025 and 2026. */
    public static List<SpecialDay> nationalDays() {
        List<SpecialDay> all = new ArrayList<>(file(2025).days());
        all.addAll(file(2026).days());
        return all;
    }

    /** The national calendar of 2025–2026, no fallback. */
    public static WorkingCalendar national() {
        return WorkingCalendar.of(YEARS, nationalDays(), List.of(), false, SHANGHAI);
    }

    public static WorkingCalendar centre(Collection<SpecialDay> local, boolean fallback) {
        return WorkingCalendar.of(YEARS, nationalDays(), local, fallback, SHANGHAI);
    }

    public static NaiveCalendar naive(Collection<SpecialDay> local, boolean fallback) {
        return new NaiveCalendar(YEARS, nationalDays(), local, fallback, SHANGHAI);
    }
}
