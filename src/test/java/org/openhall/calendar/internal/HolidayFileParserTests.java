package org.openhall.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.SpecialDay;
import org.openhall.shared.DomainException;

/** CAL-1/CAL-3: year files are read strictly; a bad file is refused with every problem listed. */
class HolidayFileParserTests {

    final HolidayFileParser parser = new HolidayFileParser();

    HolidayFile parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    List<ImportValidationException.Problem> problems(String json) {
        return problems(json.getBytes(StandardCharsets.UTF_8));
    }

    List<ImportValidationException.Problem> problems(byte[] content) {
        try {
            parser.parse(content);
        } catch (ImportValidationException e) {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void readsAHolidayCnFile() {
        HolidayFile f = parse("""
                {"$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
                 "$id": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2026.json",
                 "year": 2026, "papers": ["https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"],
                 "days": [{"name": "国庆节", "date": "2026-10-10", "isOffDay": false},
                          {"name": "国庆节", "date": "2026-10-01", "isOffDay": true}]}""");
        assertThat(f.year()).isEqualTo(2026);
        assertThat(f.papers()).hasSize(1);
        // sorted by date; the working day named after its holiday reads "国庆节调休"
        assertThat(f.days()).containsExactly(
                new SpecialDay(LocalDate.of(2026, 10, 1), true, "国庆节"),
                new SpecialDay(LocalDate.of(2026, 10, 10), false, "国庆节调休"));
    }

    @Test
    void keepsNamesThatAlreadySayWorkAndAcceptsAByteOrderMark() {
        HolidayFile f = parse("\uFEFF{\"year\":2027,\"days\":[{\"name\":\"春节调休\",\"date\":\"2027-02-06\",\"isOffDay\":false},"
                + "{\"name\":\"上班\",\"date\":\"2027-02-20\",\"isOffDay\":false}]}");
        assertThat(f.days()).extracting(SpecialDay::name).containsExactly("春节调休", "上班");
        assertThat(f.papers()).isEmpty();
    }

    @Test
    void theBuiltInFilesAreValid() {
        assertThat(CalendarFixture.file(2025).days()).hasSize(33);
        assertThat(CalendarFixture.file(2026).days()).hasSize(39);
    }

    @Test
    void notJson() {
        assertThat(problems("{\"year\": 2027,\n \"days\": [}")).extracting(ImportValidationException.Problem::key)
                .containsExactly("calendar.import.notJson");
        assertThat(problems("")).extracting(ImportValidationException.Problem::key).containsExactly("calendar.import.empty");
        assertThat(problems("[1,2]")).extracting(ImportValidationException.Problem::key).containsExactly("calendar.import.notObject");
    }

    @Test
    void notUtf8() {
        byte[] gbk = "{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(problems(gbk)).extracting(ImportValidationException.Problem::key).containsExactly("calendar.import.encoding");
    }

    @Test
    void yearMissingOrWrong() {
        assertThat(problems("{\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"))
                .extracting(ImportValidationException.Problem::key).containsExactly("calendar.import.year.missing");
        assertThat(problems("{\"year\":\"2027\",\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"))
                .extracting(ImportValidationException.Problem::key).containsExactly("calendar.import.year.invalid");
        assertThat(problems("{\"year\":27,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"))
                .extracting(ImportValidationException.Problem::key).contains("calendar.import.year.invalid");
    }

    @Test
    void everyDateMustBeInTheYear() {
        List<ImportValidationException.Problem> p = problems("""
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2026-10-01", "isOffDay": true}]}""");
        assertThat(p).containsExactly(new ImportValidationException.Problem("calendar.import.day.date.wrongYear", "2", "2026-10-01", "2027"));
    }

    @Test
    void noDateTwice() {
        List<ImportValidationException.Problem> p = problems("""
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
                  {"name": "元旦调休", "date": "2027-01-01", "isOffDay": false}]}""");
        assertThat(p).containsExactly(new ImportValidationException.Problem("calendar.import.day.date.duplicate", "3", "2027-01-01", "1"));
    }

    @Test
    void namesDatesAndFlagsMustBePresentAndWellFormed() {
        List<ImportValidationException.Problem> p = problems("""
                {"year": 2027, "days": [
                  {"date": "2027-01-01", "isOffDay": true},
                  {"name": "  ", "date": "2027-01-02", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-30", "isOffDay": true},
                  {"name": "春节", "date": "2027/02/07", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-08", "isOffDay": "yes"},
                  {"name": "春节", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-09", "isOffDay": true, "note": "x"},
                  "2027-02-10"]}""");
        assertThat(p).containsExactly(
                new ImportValidationException.Problem("calendar.import.day.name.missing", "1"),
                new ImportValidationException.Problem("calendar.import.day.name.missing", "2"),
                new ImportValidationException.Problem("calendar.import.day.date.invalid", "3", "2027-02-30"),
                new ImportValidationException.Problem("calendar.import.day.date.invalid", "4", "2027/02/07"),
                new ImportValidationException.Problem("calendar.import.day.isOffDay.invalid", "5"),
                new ImportValidationException.Problem("calendar.import.day.date.missing", "6"),
                new ImportValidationException.Problem("calendar.import.day.unknownField", "7", "note"),
                new ImportValidationException.Problem("calendar.import.day.notObject", "8"));
    }

    @Test
    void anEmptyListIsRefused() {
        // holiday-cn serves {"year":2027,"papers":[],"days":[]} before the notice is out: never a silent guess
        assertThat(problems("{\"year\":2027,\"papers\":[],\"days\":[]}"))
                .containsExactly(new ImportValidationException.Problem("calendar.import.days.empty", "2027"));
        assertThat(problems("{\"year\":2027}")).extracting(ImportValidationException.Problem::key)
                .containsExactly("calendar.import.days.missing");
        assertThat(problems("{\"year\":2027,\"days\":{}}")).extracting(ImportValidationException.Problem::key)
                .containsExactly("calendar.import.days.notArray");
    }

    @Test
    void unknownTopLevelFieldsAndDuplicateKeys() {
        assertThat(problems("{\"year\":2027,\"holidays\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"))
                .containsExactly(new ImportValidationException.Problem("calendar.import.unknownField", "holidays"));
        assertThat(problems("{\"year\":2027,\"year\":2028,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}"))
                .extracting(ImportValidationException.Problem::key).containsExactly("calendar.import.notJson");
    }

    @Test
    void atMostTwentyProblemsAreListed() {
        StringBuilder days = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            days.append(i > 1 ? "," : "").append("{\"name\":\"x\",\"date\":\"2026-01-").append(String.format("%02d", i % 28 + 1)).append("\",\"isOffDay\":true}");
        }
        assertThat(problems("{\"year\":2027,\"days\":[" + days + "]}")).hasSize(HolidayFileParser.MAX_PROBLEMS);
    }

    @Test
    void theFirstProblemIsTheExceptionsMessage() {
        assertThatThrownBy(() -> parse("{\"year\":2027,\"days\":[]}"))
                .isInstanceOfSatisfying(ImportValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("calendar.import.days.empty");
                    assertThat(e.field()).isEqualTo("file");
                });
    }
}
