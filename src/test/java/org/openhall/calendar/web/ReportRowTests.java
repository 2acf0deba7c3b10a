package org.openhall.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.internal.HolidayFile;
import org.openhall.calendar.internal.HolidayFileParser;
import org.openhall.calendar.internal.ImportReportFixture;

/** The import report groups consecutive days with the same change into one line. */
class ReportRowTests {

    @Test
    void aNewYearIsShownAsItsBlocksOfDays() throws Exception {
        HolidayFile f = new HolidayFileParser().parse(Files.readAllBytes(Path.of("src/test/resources/calendar/2027-sample.json")));
        List<ReportRow> rows = ReportRow.of(ImportReportFixture.compare(f.year(), List.of(), f.days()));
        assertThat(rows).hasSize(11);
        assertThat(rows.get(1)).satisfies(r -> {
            assertThat(r.from()).hasToString("2027-02-06");
            assertThat(r.to()).hasToString("2027-02-14");
            assertThat(r.days()).isEqualTo(9);
            assertThat(r.after().name()).isEqualTo("春节");
        });
        assertThat(rows.getLast().after().name()).isEqualTo("国庆节调休");
    }

    @Test
    void changesAndRemovalsAreGroupedSeparately() throws Exception {
        var p = new HolidayFileParser();
        HolidayFile before = p.parse("""
                {"year":2027,"days":[{"name":"国庆节","date":"2027-10-01","isOffDay":true},{"name":"国庆节","date":"2027-10-02","isOffDay":true},
                {"name":"国庆节","date":"2027-10-09","isOffDay":false}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HolidayFile after = p.parse("""
                {"year":2027,"days":[{"name":"国庆节、中秋节","date":"2027-10-01","isOffDay":true},{"name":"国庆节、中秋节","date":"2027-10-02","isOffDay":true},
                {"name":"国庆节","date":"2027-10-03","isOffDay":true}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<ReportRow> rows = ReportRow.of(ImportReportFixture.compare(2027, before.days(), after.days()));
        assertThat(rows).extracting(ReportRow::kind, ReportRow::days).containsExactly(
                org.assertj.core.groups.Tuple.tuple("changed", 2), org.assertj.core.groups.Tuple.tuple("added", 1),
                org.assertj.core.groups.Tuple.tuple("removed", 1));
    }
}
