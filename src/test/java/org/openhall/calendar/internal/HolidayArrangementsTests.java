package org.openhall.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarDay;

/**
 * CAL-3: every holiday and every 调休 working day of the built-in years, typed in from the notices
 * independently of the JSON files:
 * 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）and
 * 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）.
 */
class HolidayArrangementsTests {

    static final WorkingCalendar CAL = CalendarFixture.national();

    /** name, off (true) / working (false), first day, last day. */
    static Stream<Arguments> arrangement2025() {
        return Stream.of(
                Arguments.of("元旦", true, "2025-01-01", "2025-01-01"),
                Arguments.of("春节调休", false, "2025-01-26", "2025-01-26"),
                Arguments.of("春节", true, "2025-01-28", "2025-02-04"),
                Arguments.of("春节调休", false, "2025-02-08", "2025-02-08"),
                Arguments.of("清明节", true, "2025-04-04", "2025-04-06"),
                Arguments.of("劳动节调休", false, "2025-04-27", "2025-04-27"),
                Arguments.of("劳动节", true, "2025-05-01", "2025-05-05"),
                Arguments.of("端午节", true, "2025-05-31", "2025-06-02"),
                Arguments.of("国庆节、中秋节调休", false, "2025-09-28", "2025-09-28"),
                Arguments.of("国庆节、中秋节", true, "2025-10-01", "2025-10-08"),
                Arguments.of("国庆节、中秋节调休", false, "2025-10-11", "2025-10-11"));
    }

    static Stream<Arguments> arrangement2026() {
        return Stream.of(
                Arguments.of("元旦", true, "2026-01-01", "2026-01-03"),
                Arguments.of("元旦调休", false, "2026-01-04", "2026-01-04"),
                Arguments.of("春节调休", false, "2026-02-14", "2026-02-14"),
                Arguments.of("春节", true, "2026-02-15", "2026-02-23"),
                Arguments.of("春节调休", false, "2026-02-28", "2026-02-28"),
                Arguments.of("清明节", true, "2026-04-04", "2026-04-06"),
                Arguments.of("劳动节", true, "2026-05-01", "2026-05-05"),
                Arguments.of("劳动节调休", false, "2026-05-09", "2026-05-09"),
                Arguments.of("端午节", true, "2026-06-19", "2026-06-21"),
                Arguments.of("国庆节调休", false, "2026-09-20", "2026-09-20"),
                Arguments.of("中秋节", true, "2026-09-25", "2026-09-27"),
                Arguments.of("国庆节", true, "2026-10-01", "2026-10-07"),
                Arguments.of("国庆节调休", false, "2026-10-10", "2026-10-10"));
    }

    static Stream<Arguments> both() {
        return Stream.concat(arrangement2025(), arrangement2026());
    }

    @ParameterizedTest(name = "{2}–{3} {0} off={1}")
    @MethodSource("both")
    void everyDayOfEachHolidayAndAdjustedWorkingDay(String name, boolean off, String first, String last) {
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            CalendarDay day = CAL.day(d);
            assertThat(day.working()).as("%s working", d).isEqualTo(!off);
            assertThat(day.name()).as("%s name", d).isEqualTo(name);
            assertThat(day.basis()).isEqualTo(CalendarDay.Basis.NATIONAL);
            if (!off) {
                assertThat(d.getDayOfWeek()).as("a 调休 working day is a weekend day").isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
        }
    }

    @Test
    void everyOtherDayFollowsTheWeekendRule() {
        Map<LocalDate, Boolean> pinned = new HashMap<>();
        both().forEach(a -> {
            Object[] v = a.get();
            for (LocalDate d = LocalDate.parse((String) v[2]); !d.isAfter(LocalDate.parse((String) v[3])); d = d.plusDays(1)) {
                pinned.put(d, (Boolean) v[1]);
            }
        });
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            if (!pinned.containsKey(d)) {
                CalendarDay day = CAL.day(d);
                boolean weekend = d.getDayOfWeek().getValue() >= 6;
                assertThat(day.working()).as("%s", d).isEqualTo(!weekend);
                assertThat(day.name()).as("%s has no name", d).isNull();
                assertThat(day.basis()).isEqualTo(CalendarDay.Basis.WEEKDAY_RULE);
            }
        }
        // the files list exactly the pinned days, nothing else
        assertThat(CalendarFixture.nationalDays()).extracting(s -> s.date()).containsExactlyInAnyOrderElementsOf(pinned.keySet());
    }

    @Test
    void workingDaysPerYear() {
        // 2025: 261 weekdays − 18 holidays on weekdays + 5 adjusted weekend days; 2026: 261 − 19 + 6
        assertThat(CAL.workingDaysInYear(2025)).isEqualTo(248);
        assertThat(CAL.workingDaysInYear(2026)).isEqualTo(248);
    }

    @Test
    void theBuiltInFilesNameTheirNotices() {
        assertThat(CalendarFixture.file(2025).papers()).containsExactly("https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm");
        assertThat(CalendarFixture.file(2026).papers()).containsExactly("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
    }
}
