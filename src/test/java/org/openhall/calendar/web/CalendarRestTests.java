package org.openhall.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.internal.CalendarService;
import org.openhall.calendar.internal.CalendarProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public calendar API over real HTTP, without login (issue #2 item 3): the exact shapes, and the
 * problem details of every refusal (400 malformed/reversed/too long, 404 unknown centre, 422 missing year).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarRestTests {

    @LocalServerPort
    int port;
    @Autowired
    CalendarApi api;
    @Autowired
    CalendarService calendars;
    @Autowired
    CalendarProperties properties;
    @Autowired
    TransactionTemplate tx;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    record Answer(int status, String contentType, JsonNode body) {
    }

    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json.readTree(r.body()));
    }

    @Test
    void workdaysListsEveryDateWithTheNamesOfHolidaysAndAdjustedDays() throws Exception {
        Answer a = get("/api/v1/calendar/workdays?from=2026-09-30&to=2026-10-12");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().size()).isEqualTo(13);
        // the example, exactly
        JsonNode oct10 = a.body().get(10);
        assertThat(json.writeValueAsString(oct10)).isEqualTo("{\"date\":\"2026-10-10\",\"working\":true,\"name\":\"国庆节调休\"}");
        // a holiday
        assertThat(json.writeValueAsString(a.body().get(1))).isEqualTo("{\"date\":\"2026-10-01\",\"working\":false,\"name\":\"国庆节\"}");
        // an ordinary day has no name
        assertThat(json.writeValueAsString(a.body().get(0))).isEqualTo("{\"date\":\"2026-09-30\",\"working\":true}");
        assertThat(json.writeValueAsString(a.body().get(11))).isEqualTo("{\"date\":\"2026-10-11\",\"working\":false}");
    }

    @Test
    void addWorkingDaysGivesTheNthWorkingDayAfterFrom() throws Exception {
        Answer a = get("/api/v1/calendar/add-working-days?from=2026-09-30&days=3");
        assertThat(a.status()).isEqualTo(200);
        assertThat(json.writeValueAsString(a.body())).isEqualTo("{\"date\":\"2026-10-10\"}");
        assertThat(get("/api/v1/calendar/add-working-days?from=2026-10-01&days=0").body().get("date").stringValue())
                .isEqualTo("2026-10-01");
        assertThat(get("/api/v1/calendar/add-working-days?from=2025-01-24&days=3").body().get("date").stringValue())
                .isEqualTo("2025-02-05");
    }

    @Test
    void aRangeOutsideTheLoadedYearsIs422NamingTheYear() throws Exception {
        Answer a = get("/api/v1/calendar/workdays?from=2024-12-30&to=2025-01-02");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("status").intValue()).isEqualTo(422);
        assertThat(a.body().get("detail").stringValue()).contains("2024 年").doesNotContain("2,024");
        assertThat(a.body().get("detail_en").stringValue()).contains("2024").doesNotContain("2,024");
        assertThat(a.body().get("type").stringValue()).isEqualTo("urn:openhall:problem:unprocessable");

        int missing = firstMissingAfter2026();
        Answer add = get("/api/v1/calendar/add-working-days?from=" + (missing - 1) + "-12-20&days=30");
        assertThat(add.status()).isEqualTo(422);
        assertThat(add.body().get("detail").stringValue()).startsWith(missing + " 年的全国节假日安排尚未载入");
        assertThat(add.body().get("detail_en").stringValue()).contains("for " + missing + " has not been loaded");
    }

    /** 2027 may have been imported by another test of this context; the first year after 2026 that is not loaded. */
    int firstMissingAfter2026() {
        int y = 2027;
        while (api.loadedYears().contains(y)) {
            y++;
        }
        return y;
    }

    @Test
    void malformedInputIs400WithProblemDetails() throws Exception {
        Answer bad = get("/api/v1/calendar/workdays?from=2026-13-01&to=2026-12-31");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("detail").stringValue()).isEqualTo("参数 from 的值“2026-13-01”不是有效日期，应为 YYYY-MM-DD，例如 2026-10-10");
        assertThat(bad.body().get("detail_en").stringValue())
                .isEqualTo("The value \"2026-13-01\" of the parameter from is not a valid date: write YYYY-MM-DD, e.g. 2026-10-10");
        assertThat(bad.body().get("title").stringValue()).isEqualTo("输入有误 / Invalid input");
        assertThat(get("/api/v1/calendar/workdays?from=2026-1-1&to=2026-12-31").status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").stringValue()).isEqualTo("from");

        Answer missing = get("/api/v1/calendar/workdays?from=2026-01-01");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").get(0).get("field").stringValue()).isEqualTo("to");
        assertThat(missing.body().get("detail").stringValue()).isEqualTo("缺少参数 to");
        assertThat(missing.body().get("detail_en").stringValue()).isEqualTo("The parameter to is missing");

        Answer days = get("/api/v1/calendar/add-working-days?from=2026-01-05&days=many");
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.body().get("errors").get(0).get("field").stringValue()).isEqualTo("days");
        assertThat(days.body().get("detail").stringValue()).isEqualTo("参数 days 的值“many”不是整数");

        Answer negative = get("/api/v1/calendar/add-working-days?from=2026-01-05&days=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("detail").stringValue()).contains("0").contains("100000");
    }

    @Test
    void aReversedOrTooLongRangeIs400() throws Exception {
        Answer reversed = get("/api/v1/calendar/workdays?from=2026-10-10&to=2026-10-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("detail").stringValue()).isEqualTo("结束日期 2026-10-01 早于开始日期 2026-10-10");
        assertThat(reversed.body().get("detail_en").stringValue()).isEqualTo("The end date 2026-10-01 is before the start date 2026-10-10");
        assertThat(reversed.body().get("errors").get(0).get("field").stringValue()).isEqualTo("to");

        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate longest = from.plusDays(properties.maxRangeDays() - 1);
        Answer tooLong = get("/api/v1/calendar/workdays?from=" + from + "&to=" + longest.plusDays(1));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("detail").stringValue()).contains(String.valueOf(properties.maxRangeDays()));
        // the longest range allowed is not refused as too long (it reaches 2027, which may be missing: 200 or 422)
        assertThat(get("/api/v1/calendar/workdays?from=" + from + "&to=" + longest).status()).isIn(200, 422);
    }

    @Test
    void anUnknownCentreIs404() throws Exception {
        Answer a = get("/api/v1/calendar/workdays?from=2026-10-01&to=2026-10-02&centre=NOPE");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().get("detail").stringValue()).isEqualTo("没有代码为“NOPE”的中心");
        assertThat(a.body().get("detail_en").stringValue()).isEqualTo("There is no centre with the code \"NOPE\"");
        assertThat(get("/api/v1/calendar/add-working-days?from=2026-10-01&days=1&centre=NOPE").status()).isEqualTo(404);
    }

    @Test
    void aCentreSeesItsOwnDaysAndItsFallback() throws Exception {
        tx.executeWithoutResult(s -> api.registerCentre(9101, "REST-A", "接口测试中心"));
        calendars.addCentreDay("REST-A", new SpecialDay(LocalDate.of(2026, 10, 9), true, "县庆"));
        Answer a = get("/api/v1/calendar/workdays?from=2026-10-08&to=2026-10-10&centre=REST-A");
        assertThat(json.writeValueAsString(a.body())).isEqualTo("[{\"date\":\"2026-10-08\",\"working\":true},"
                + "{\"date\":\"2026-10-09\",\"working\":false,\"name\":\"县庆\"},"
                + "{\"date\":\"2026-10-10\",\"working\":true,\"name\":\"国庆节调休\"}]");
        assertThat(get("/api/v1/calendar/add-working-days?from=2026-09-30&days=2&centre=REST-A").body().get("date").stringValue())
                .isEqualTo("2026-10-10");
        // the national calendar is unchanged
        assertThat(get("/api/v1/calendar/add-working-days?from=2026-09-30&days=2").body().get("date").stringValue())
                .isEqualTo("2026-10-09");

        // with the fallback on, a missing year is computed Monday to Friday and flagged
        calendars.updateSettings("REST-A", true, api.openingHours("REST-A"), "Asia/Shanghai");
        Answer fallback = get("/api/v1/calendar/workdays?from=2099-01-02&to=2099-01-04&centre=REST-A");
        assertThat(fallback.status()).isEqualTo(200);
        assertThat(json.writeValueAsString(fallback.body())).isEqualTo("[{\"date\":\"2099-01-02\",\"working\":true,\"fallback\":true},"
                + "{\"date\":\"2099-01-03\",\"working\":false,\"fallback\":true},"
                + "{\"date\":\"2099-01-04\",\"working\":false,\"fallback\":true}]");
        assertThat(get("/api/v1/calendar/workdays?from=2099-01-01&to=2099-01-03").status()).as("national: no fallback").isEqualTo(422);
        assertThat(List.of(api.isWorkingDay("REST-A", LocalDate.of(2099, 1, 5)))).containsExactly(true);
    }
}
