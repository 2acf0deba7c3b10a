package org.openhall.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openhall.cases.WarningLevel;
import org.openhall.shared.DomainException;

/** The rules of 电子监察 without a database (CASE-5): the level of a due date, the on-time rate and its ordering. */
class WarningRulesTests {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aDueDateIsRedWhenPastYellowUpToTheThresholdAndNothingAfter() {
        // 2026-09-30 with yellow-days 1: the next working day is 10-08 (National Day 10-01..07)
        WarningScan.Dates dates = new WarningScan.Dates(d("2026-09-30"), d("2026-10-08"));
        assertThat(WarningScan.levelOf(d("2026-09-29"), dates)).isEqualTo(WarningLevel.RED);
        assertThat(WarningScan.levelOf(d("2026-09-30"), dates)).isEqualTo(WarningLevel.YELLOW);
        assertThat(WarningScan.levelOf(d("2026-10-05"), dates)).isEqualTo(WarningLevel.YELLOW);
        assertThat(WarningScan.levelOf(d("2026-10-08"), dates)).isEqualTo(WarningLevel.YELLOW);
        assertThat(WarningScan.levelOf(d("2026-10-09"), dates)).isEqualTo(WarningLevel.NONE);
        // no calendar for the threshold: red only
        WarningScan.Dates noCalendar = new WarningScan.Dates(d("2026-09-30"), null);
        assertThat(WarningScan.levelOf(d("2026-09-30"), noCalendar)).isEqualTo(WarningLevel.NONE);
        assertThat(WarningScan.levelOf(d("2026-09-29"), noCalendar)).isEqualTo(WarningLevel.RED);
    }

    @Test
    void theRateIsAPercentageWithOneDecimalRoundedHalfUp() {
        assertThat(WarningStats.rate(2, 3)).isEqualByComparingTo("66.7");
        assertThat(WarningStats.rate(1, 3)).isEqualByComparingTo("33.3");
        assertThat(WarningStats.rate(1, 8)).isEqualByComparingTo("12.5");
        assertThat(WarningStats.rate(1, 16)).isEqualByComparingTo("6.3"); // 6.25 rounds half up
        assertThat(WarningStats.rate(0, 4)).isEqualByComparingTo("0.0");
        assertThat(WarningStats.rate(7, 7)).isEqualByComparingTo("100.0");
        assertThat(WarningStats.rate(7, 7).scale()).isEqualTo(1);
        assertThat(WarningStats.rate(0, 0)).isNull();
    }

    /** Exact: the rate equals onTime × 1000 / completed rounded half up, in tenths, for any counts. */
    @Property
    void theRateIsExact(@ForAll @IntRange(min = 1, max = 1_000_000) int completed, @ForAll @IntRange(min = 0) int share) {
        int onTime = (int) ((long) share % (completed + 1));
        long tenths = (onTime * 1000L * 2 + completed) / (2L * completed); // half up in integers
        assertThat(WarningStats.rate(onTime, completed)).isEqualByComparingTo(BigDecimal.valueOf(tenths, 1));
    }

    @Test
    void rowsSortByTheChosenColumnThenByLabelInPinyinOrder() {
        List<WarningStats.Row> rows = new ArrayList<>(List.of(
                new WarningStats.Row("A", "异地就医备案", 3, 3, WarningStats.rate(3, 3), 0),
                new WarningStats.Row("B", "城乡居民医保参保登记", 3, 2, WarningStats.rate(2, 3), 1),
                new WarningStats.Row("C", "就业登记", 1, 0, WarningStats.rate(0, 1), 2),
                new WarningStats.Row("D", "失业登记", 0, 0, null, 1)));
        rows.sort(WarningStats.order(WarningStats.Sort.LABEL, true));
        assertThat(rows).extracting(WarningStats.Row::key).containsExactly("B", "C", "D", "A"); // cheng jiu shi yi
        rows.sort(WarningStats.order(WarningStats.Sort.RATE, false));
        assertThat(rows).extracting(WarningStats.Row::key).containsExactly("A", "B", "C", "D"); // no rate last
        rows.sort(WarningStats.order(WarningStats.Sort.COMPLETED, false));
        assertThat(rows).extracting(WarningStats.Row::key).containsExactly("B", "A", "C", "D"); // ties by label
        rows.sort(WarningStats.order(WarningStats.Sort.OVERDUE, true));
        assertThat(rows).extracting(WarningStats.Row::key).containsExactly("A", "B", "D", "C"); // 1 and 1: cheng before shi
    }

    @Test
    void groupingsAreItemWindowDepartmentOrStaff() {
        assertThat(WarningStats.By.parse(null)).isEqualTo(WarningStats.By.ITEM);
        assertThat(WarningStats.By.parse(" Staff ")).isEqualTo(WarningStats.By.STAFF);
        assertThatThrownBy(() -> WarningStats.By.parse("colour")).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("by"));
    }
}
