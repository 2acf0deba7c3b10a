/**
 * Working-day calendars (CAL-1..3): which days a service centre works, and deadline arithmetic in
 * working days.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Weekend rule.</b> Monday to Friday are working days, Saturday and Sunday are rest days
 *       (国务院关于职工工作时间的规定, 国务院令第174号, 第七条).</li>
 *   <li><b>National arrangement.</b> Each year the General Office of the State Council publishes the
 *       holiday arrangement (全国年节及纪念日放假办法, 国务院令第798号; the annual 国务院办公厅
 *       notice): statutory holidays are off even on weekdays, and some weekend days are working
 *       days (调休上班). A year's arrangement is the list of these exceptions, in the holiday-cn file
 *       shape {@code {"year":2026,"papers":[…],"days":[{"name":"国庆节","date":"2026-10-01","isOffDay":true},…]}}.
 *       Built in: 2025 (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024-11-12)
 *       and 2026 (国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号, 2025-11-04),
 *       in {@code classpath:calendar/holidays/}; later years are imported by the centre office (the
 *       page {@code /calendar}). Importing a year replaces that year's exceptions and reports the
 *       difference. The national arrangement applies to every centre.</li>
 *   <li><b>Centre calendar.</b> A centre (registered by the organisation module through
 *       {@link org.openhall.calendar.CalendarApi#registerCentre}) may add its own days over the national
 *       arrangement (a local holiday off, or an extra working day), which take precedence; and has
 *       settings: opening hours (default 08:30–17:30, CAL-2), zone (default Asia/Shanghai) and the
 *       weekday fallback (default off).</li>
 *   <li><b>Missing years.</b> A date in a year without a national arrangement is an error naming the
 *       year ({@link org.openhall.calendar.MissingCalendarYearException}, 422 on the API), never a silent
 *       guess (CAL-3) — unless the centre switched the weekday fallback on: then such a year follows
 *       the weekend rule (plus the centre's own days) and each day is flagged
 *       {@link org.openhall.calendar.CalendarDay.Basis#FALLBACK}. The national calendar has no fallback.</li>
 * </ul>
 *
 * <h2>Arithmetic</h2>
 * Every year is precomputed once (and cached until a change) into a prefix sum of working days and an
 * index of the n-th working day ({@code internal.YearTable}), so "add N working days" and "count
 * working days between" cost constant work per calendar year crossed, never a walk over the days; a
 * JMH benchmark in {@code bench/} compares this with day-by-day iteration and jqwik properties check
 * it against a naive reference.
 * <ul>
 *   <li>{@code addWorkingDays(from, n)}: the n-th working day after {@code from}; {@code from} itself is
 *       not counted (民法典 第二百零一条: a period in days starts on the following day; 行政许可法
 *       第八十二条: time limits in working days exclude statutory holidays). {@code n = 0} returns {@code from}.</li>
 *   <li>{@code workingDaysBetween(a, b)}: the working days {@code d} with {@code a < d <= b}, so that
 *       {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.</li>
 * </ul>
 *
 * <h2>Deadlines and suspensions (计时中止)</h2>
 * A time limit of N working days starts at an instant; its dates are taken in the centre's zone.
 * <ul>
 *   <li>The start day does not count; the due date is the N-th counting working day after it, and the
 *       limit is met if the work is done by the end of that day. Opening hours do not change the count.</li>
 *   <li>A suspension is a half-open interval {@code [start, end)} of instants during which the clock
 *       stands still. Overlapping or touching suspensions are merged first.</li>
 *   <li><b>Partial days:</b> a working day is given back only if a suspension covers it <em>completely</em>,
 *       from 00:00 to 24:00 in the centre's zone. The day a suspension begins (unless it begins at
 *       00:00) and the day it ends on still count as used: on both, the clock ran for part of the day.
 *       Example: suspended Monday 15:00 to Thursday 10:00 gives back Tuesday and Wednesday.</li>
 *   <li><b>Used so far</b> at an instant t: the working days after the start day on which the clock has
 *       run by t. The day in progress counts as soon as the clock has run on it (not if a suspension
 *       has held it since its 00:00); at exactly 00:00 the new day has not begun. So on the due date,
 *       while the clock runs, the days used equal N.</li>
 * </ul>
 *
 * <h2>Public API</h2>
 * {@link org.openhall.calendar.CalendarApi} (Spring bean), the records
 * {@link org.openhall.calendar.CalendarDay}, {@link org.openhall.calendar.SpecialDay},
 * {@link org.openhall.calendar.OpeningHours}, {@link org.openhall.calendar.Suspension},
 * {@link org.openhall.calendar.Deadline} and {@link org.openhall.calendar.MissingCalendarYearException}.
 * REST (public, no login): {@code GET /api/v1/calendar/workdays} and
 * {@code GET /api/v1/calendar/add-working-days}. Page: {@code /calendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar", allowedDependencies = {"shared", "security"})
@org.jspecify.annotations.NullMarked
package org.openhall.calendar;
