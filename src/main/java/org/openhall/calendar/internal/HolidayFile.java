package org.openhall.calendar.internal;

import java.util.List;
import org.openhall.calendar.SpecialDay;

/**
 * A year's official arrangement in the shape of the widely shared holiday-cn files:
 * {@code {"year":2026,"papers":[...],"days":[{"name":"国庆节","date":"2026-10-01","isOffDay":true}, …]}}.
 * Only the exceptions to the weekend rule are listed (weekend days inside a holiday block may be listed too).
 *
 * @param year   the year
 * @param papers the sources (URLs of the 国务院办公厅 notice), possibly empty
 * @param days   the exceptions, sorted by date, one per date
 */
public record HolidayFile(int year, List<String> papers, List<SpecialDay> days) {

    public HolidayFile {
        papers = List.copyOf(papers);
        days = List.copyOf(days);
    }
}
