package org.openhall.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.MissingCalendarYearException;
import org.openhall.calendar.OpeningHours;
import org.openhall.calendar.SpecialDay;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** CAL-1/CAL-3 with the database: built-in years, imports with their report and audit, centres and their settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarImportTests {

    @Autowired
    CalendarService calendars;
    @Autowired
    CalendarApi api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BuiltInYears builtIn;
    @Autowired
    TransactionTemplate tx;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    int auditRows(String entityType, String entityId) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :t and entity_id = :i")
                .param("t", entityType).param("i", entityId).query(Integer.class).single();
    }

    int nationalRows(int year) {
        return jdbc.sql("select count(*) from calendar_national_day where year_no = :y").param("y", year).query(Integer.class).single();
    }

    @Test
    void theBuiltInYearsAreLoadedOnceAtStartUp() {
        assertThat(api.loadedYears()).contains(2025, 2026);
        assertThat(calendars.yearInfo(2026)).hasValueSatisfying(y -> {
            assertThat(y.source()).isEqualTo("BUILT_IN");
            assertThat(y.papers()).containsExactly("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
        });
        assertThat(nationalRows(2026)).isEqualTo(39);
        builtIn.afterSingletonsInstantiated(); // a restart, or a second node
        assertThat(nationalRows(2026)).isEqualTo(39);
        assertThat(auditRows("CalendarYear", "2026")).isEqualTo(1);
        assertThat(api.day(null, LocalDate.of(2026, 10, 10)).name()).isEqualTo("国庆节调休");
    }

    @Test
    void importingANewYearReportsEveryDayAsAdded() {
        assertThatThrownBy(() -> api.isWorkingDay(null, LocalDate.of(2030, 1, 2))).isInstanceOf(MissingCalendarYearException.class);
        ImportReport r = calendars.importYear(utf8("""
                {"year": 2030, "papers": ["https://example.gov.cn/2030"], "days": [
                  {"name": "元旦", "date": "2030-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2030-02-02", "isOffDay": false},
                  {"name": "春节", "date": "2030-02-04", "isOffDay": true},
                  {"name": "春节", "date": "2030-02-05", "isOffDay": true}]}"""));
        assertThat(r.year()).isEqualTo(2030);
        assertThat(r.newYear()).isTrue();
        assertThat(r.added()).hasSize(4);
        assertThat(r.removed()).isEmpty();
        assertThat(r.changed()).isEmpty();
        assertThat(r.offDays()).isEqualTo(3);
        assertThat(r.workingDays()).isEqualTo(1);
        assertThat(r.workingDaysBefore()).isNull();
        // 2030: 261 weekdays − 3 holidays on weekdays + 1 working Saturday
        assertThat(r.workingDaysAfter()).isEqualTo(259);
        // effective at once
        assertThat(api.loadedYears()).contains(2030);
        CalendarDay sat = api.day(null, LocalDate.of(2030, 2, 2));
        assertThat(sat.working()).isTrue();
        assertThat(sat.name()).isEqualTo("春节调休");
        assertThat(calendars.yearInfo(2030).orElseThrow().source()).isEqualTo("IMPORT");
        assertThat(auditRows("CalendarYear", "2030")).isEqualTo(1);
    }

    @Test
    void reimportingAYearReplacesItsDaysAndReportsTheDifference() {
        calendars.importYear(utf8("""
                {"year": 2031, "days": [
                  {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-02", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-11", "isOffDay": false}]}"""));
        ImportReport r = calendars.importYear(utf8("""
                {"year": 2031, "days": [
                  {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-01", "isOffDay": true},
                  {"name": "国庆节、中秋节", "date": "2031-10-02", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-03", "isOffDay": true}]}"""));
        assertThat(r.newYear()).isFalse();
        assertThat(r.unchanged()).isEqualTo(2);
        assertThat(r.added()).extracting(ImportReport.Change::date).containsExactly(LocalDate.of(2031, 10, 3));
        assertThat(r.removed()).extracting(ImportReport.Change::date).containsExactly(LocalDate.of(2031, 10, 11));
        assertThat(r.changed()).singleElement().satisfies(c -> {
            assertThat(c.before().name()).isEqualTo("国庆节");
            assertThat(c.after().name()).isEqualTo("国庆节、中秋节");
        });
        // 10-03 is a Friday now off, 10-11 a Saturday no longer working
        assertThat(r.workingDaysAfter()).isEqualTo(r.workingDaysBefore() - 2);
        assertThat(api.isWorkingDay(null, LocalDate.of(2031, 10, 11))).isFalse();
        assertThat(api.isWorkingDay(null, LocalDate.of(2031, 10, 3))).isFalse();
        // the old rows are kept, inactive
        assertThat(nationalRows(2031)).isEqualTo(8);
        assertThat(auditRows("CalendarYear", "2031")).isEqualTo(2);

        ImportReport same = calendars.importYear(utf8("""
                {"year": 2031, "days": [
                  {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-01", "isOffDay": true},
                  {"name": "国庆节、中秋节", "date": "2031-10-02", "isOffDay": true},
                  {"name": "国庆节", "date": "2031-10-03", "isOffDay": true}]}"""));
        assertThat(same.noChange()).isTrue();
    }

    @Test
    void aBadFileChangesNothing() {
        int rows = jdbc.sql("select count(*) from calendar_national_day").query(Integer.class).single();
        int audits = jdbc.sql("select count(*) from audit_log").query(Integer.class).single();
        assertThatThrownBy(() -> calendars.importYear(utf8("""
                {"year": 2026, "days": [
                  {"name": "元旦", "date": "2026-01-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2025-10-01", "isOffDay": true}]}""")))
                .isInstanceOf(ImportValidationException.class);
        assertThat(jdbc.sql("select count(*) from calendar_national_day").query(Integer.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from audit_log").query(Integer.class).single()).isEqualTo(audits);
        assertThat(api.day(null, LocalDate.of(2026, 10, 1)).name()).isEqualTo("国庆节");
    }

    @Test
    void registeringACentreIsIdempotentAndAudited() {
        tx.executeWithoutResult(s -> api.registerCentre(9201, "IMP-A", "甲县政务服务中心"));
        tx.executeWithoutResult(s -> api.registerCentre(9201, "IMP-A", "甲县政务服务中心"));
        assertThat(auditRows("CalendarCentre", "9201")).isEqualTo(1);
        assertThat(api.openingHours("IMP-A")).isEqualTo(new OpeningHours(LocalTime.of(8, 30), LocalTime.of(17, 30)));
        assertThat(api.zone("IMP-A").getId()).isEqualTo("Asia/Shanghai");
        // renamed
        tx.executeWithoutResult(s -> api.registerCentre(9201, "IMP-A2", "甲县政务服务中心（新址）"));
        assertThat(auditRows("CalendarCentre", "9201")).isEqualTo(2);
        assertThat(calendars.centre("IMP-A")).isEmpty();
        assertThat(calendars.centre("IMP-A2").orElseThrow().name()).isEqualTo("甲县政务服务中心（新址）");
        // another centre cannot take the code
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> api.registerCentre(9202, "IMP-A2", "乙县")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThatThrownBy(() -> api.openingHours("NOPE"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void centreSettingsAndOwnDays() {
        tx.executeWithoutResult(s -> api.registerCentre(9203, "IMP-B", "丙县社保中心"));
        assertThatThrownBy(() -> api.isWorkingDay("IMP-B", LocalDate.of(2032, 1, 5))).isInstanceOf(MissingCalendarYearException.class);
        calendars.updateSettings("IMP-B", true, new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), "Asia/Urumqi");
        assertThat(api.isWorkingDay("IMP-B", LocalDate.of(2032, 1, 5))).isTrue();
        assertThat(api.day("IMP-B", LocalDate.of(2032, 1, 5)).basis()).isEqualTo(CalendarDay.Basis.FALLBACK);
        assertThat(api.openingHours("IMP-B").opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(api.zone("IMP-B").getId()).isEqualTo("Asia/Urumqi");
        assertThatThrownBy(() -> calendars.updateSettings("IMP-B", true, api.openingHours("IMP-B"), "Mars/Olympus"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("zone"));

        long id = calendars.addCentreDay("IMP-B", new SpecialDay(LocalDate.of(2026, 6, 1), true, "县庆"));
        assertThat(api.isWorkingDay("IMP-B", LocalDate.of(2026, 6, 1))).isFalse();
        assertThat(api.isWorkingDay(null, LocalDate.of(2026, 6, 1))).isTrue();
        assertThatThrownBy(() -> calendars.addCentreDay("IMP-B", new SpecialDay(LocalDate.of(2026, 6, 1), false, "again")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("calendar.day.exists"));
        calendars.removeCentreDay("IMP-B", id);
        assertThat(api.isWorkingDay("IMP-B", LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(auditRows("CalendarCentreDay", String.valueOf(id))).isEqualTo(2);
        assertThat(jdbc.sql("select active from calendar_centre_day where id = :id").param("id", id).query(Boolean.class).single()).isFalse();
    }
}
