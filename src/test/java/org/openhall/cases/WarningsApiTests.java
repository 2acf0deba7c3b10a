package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.Http;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 电子监察 API (CASE-5): {@code POST /api/v1/cases/warnings/scan} for the centre office, supervisors and ADMIN;
 * {@code GET /api/v1/cases/warnings}; {@code GET /api/v1/cases/stats/on-time} with exact rates per item, window,
 * department and staff; data scope, 401/403 and 400 problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.cases.warnings.enabled=false")
class WarningsApiTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-09-30T01:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    OrganizationCommands commands;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    OrgFixture.Org o;
    WarningTestCases cases;
    long red;
    long yellow;
    long jyRed;

    static final Instant SEPT_10 = Instant.parse("2026-09-10T02:00:00Z");

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-09-30T01:00:00Z"));
        http = new Http(port);
        o = OrgFixture.create(commands, accounts);
        cases = new WarningTestCases(jdbc, o.centreId());
        red = cases.processing("YB-001", "城乡居民医保参保登记", o.medical(), o.medicalStaff()[1], LocalDate.parse("2026-09-28"));
        yellow = cases.processing("YB-002", "异地就医备案", o.medical(), o.medicalStaff()[2], LocalDate.parse("2026-10-08"));
        jyRed = cases.processing("JY-001", "就业登记", o.employment(), o.employmentStaff()[1], LocalDate.parse("2026-09-29"));
        cases.step(yellow, "OPINION", o.employment(), o.employmentStaff()[2], LocalDate.parse("2026-09-29"), "OPEN");
    }

    String as(String user) {
        return Http.basic(user, OrgFixture.PASSWORD);
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    HttpResponse<String> scan(String user, String query) {
        return http.postJson("/api/v1/cases/warnings/scan" + query, "{}", "Authorization", as(user));
    }

    @Test
    void theCentreOfficeScansAndGetsTheCounts() {
        HttpResponse<String> r = scan(o.office(), "");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.get("redRaised").asInt()).isEqualTo(2);
        assertThat(b.get("yellowRaised").asInt()).isEqualTo(1);
        assertThat(b.get("stepsRed").asInt()).isEqualTo(1);
        assertThat(b.get("stepsYellow").asInt()).isZero();
        assertThat(b.get("millis").asLong()).isNotNegative();

        // a second scan finds nothing new; the supervisor may scan too
        JsonNode again = body(scan(o.supervisor(), ""));
        assertThat(again.get("redRaised").asInt() + again.get("yellowRaised").asInt() + again.get("stepsRed").asInt()
                + again.get("stepsYellow").asInt()).isZero();

        // an ADMIN names the centre
        assertThat(scan(o.admin(), "?centre=" + o.centreId()).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheCentreOfficeSupervisorsAndAdminScan() {
        for (String user : List.of(o.clerk(), o.leader(), o.medicalHead())) {
            HttpResponse<String> r = scan(user, "");
            assertThat(r.statusCode()).as(user).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(http.postJson("/api/v1/cases/warnings/scan", "{}").statusCode()).isEqualTo(401);
        // another centre's office may not scan this one
        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        assertThat(scan(other.office(), "?centre=" + o.centreId()).statusCode()).isEqualTo(403);
        assertThat(cases.level(red)).isEqualTo(WarningLevel.NONE);
    }

    @Test
    void theWarningsAreListedRedFirstWithinTheDataScope() {
        scan(o.office(), "");
        JsonNode all = body(http.get("/api/v1/cases/warnings", "Authorization", as(o.leader())));
        assertThat(all.get("casesRed").asInt()).isEqualTo(2);
        assertThat(all.get("casesYellow").asInt()).isEqualTo(1);
        assertThat(all.get("stepsRed").asInt()).isEqualTo(1);
        assertThat(all.get("lastScanAt").isNull()).isFalse();
        List<String> order = new ArrayList<>();
        for (JsonNode w : all.get("warnings")) {
            order.add(w.get("level").asString() + " " + w.get("kind").asString() + " " + w.get("number").asString());
        }
        assertThat(order).containsExactly(
                "RED CASE " + cases.number(red),          // due 09-28
                "RED STEP " + cases.number(yellow),       // the opinion, due 09-29 (then by number)
                "RED CASE " + cases.number(jyRed),        // due 09-29
                "YELLOW CASE " + cases.number(yellow));   // due 10-08
        JsonNode first = all.get("warnings").get(0);
        assertThat(first.get("workingDaysOverdue").asInt()).isEqualTo(2); // 09-29 and 09-30
        assertThat(first.get("departmentName").asString()).isEqualTo("医保中心");
        assertThat(first.get("staffName").asString()).isEqualTo("张伟");
        assertThat(all.get("warnings").get(3).get("workingDaysLeft").asInt()).isEqualTo(1);

        // a DEPT_HEAD sees their own department only (the employment opinion step belongs to 劳动就业中心)
        JsonNode medical = body(http.get("/api/v1/cases/warnings?department=" + o.employment(), "Authorization",
                as(o.medicalHead())));
        assertThat(medical.get("warnings")).extracting(w -> w.get("number").asString())
                .containsExactly(cases.number(red), cases.number(yellow));
        JsonNode employment = body(http.get("/api/v1/cases/warnings?level=RED", "Authorization", as(o.employmentHead())));
        assertThat(employment.get("warnings")).extracting(w -> w.get("kind").asString()).containsExactly("STEP", "CASE");

        assertThat(http.get("/api/v1/cases/warnings", "Authorization", as(o.clerk())).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/cases/warnings?level=NONE", "Authorization", as(o.office())).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/cases/warnings?level=PURPLE", "Authorization", as(o.office())).statusCode()).isEqualTo(400);
    }

    @Test
    void onTimeRatesAreExactPerItemWindowDepartmentAndStaff() {
        long h1 = o.medicalStaff()[1];
        long h2 = o.employmentStaff()[1];
        // 医保: three of 参保登记 at window 5, two on time; one 异地就医备案 on time
        for (boolean onTime : new boolean[] {true, true, false}) {
            cases.insert("YB-001", "城乡居民医保参保登记", o.medical(), o.windowId(), h1, CaseStatus.COMPLETED,
                    LocalDate.parse("2026-09-20"), SEPT_10, onTime);
        }
        cases.insert("YB-002", "异地就医备案", o.medical(), o.windowId(), h1, CaseStatus.ARCHIVED,
                LocalDate.parse("2026-09-20"), SEPT_10, true);
        // 就业: one online (no window), late; one completed in August (outside the range)
        cases.insert("JY-001", "就业登记", o.employment(), null, h2, CaseStatus.COMPLETED, LocalDate.parse("2026-09-05"),
                SEPT_10, false);
        cases.insert("JY-001", "就业登记", o.employment(), null, h2, CaseStatus.COMPLETED, LocalDate.parse("2026-08-05"),
                Instant.parse("2026-08-20T02:00:00Z"), true);

        JsonNode byItem = body(http.get("/api/v1/cases/stats/on-time?from=2026-09-01&to=2026-09-30&by=item&sort=label&dir=asc",
                "Authorization", as(o.leader())));
        assertThat(byItem.get("by").asString()).isEqualTo("item");
        assertThat(rows(byItem)).containsExactly(
                "YB-001 城乡居民医保参保登记 3 2 66.7 1",   // in pinyin order: cheng, jiu, yi
                "JY-001 就业登记 1 0 0.0 1",
                "YB-002 异地就医备案 1 1 100.0 0");
        JsonNode total = byItem.get("total");
        assertThat(total.get("completed").asInt()).isEqualTo(5);
        assertThat(total.get("onTime").asInt()).isEqualTo(3);
        assertThat(total.get("rate").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(total.get("overdueOpen").asInt()).isEqualTo(2);

        JsonNode byWindow = body(http.get("/api/v1/cases/stats/on-time?from=2026-09-01&to=2026-09-30&by=window&sort=rate",
                "Authorization", as(o.office())));
        assertThat(rows(byWindow)).containsExactly(
                o.windowId() + " 5 · 医保参保登记 4 3 75.0 0",
                "null  1 0 0.0 2"); // online (no window): the late one, and the open cases

        JsonNode byDepartment = body(http.get("/api/v1/cases/stats/on-time?from=2026-09-01&to=2026-09-30&by=department",
                "Authorization", as(o.medicalHead())));
        assertThat(rows(byDepartment)).containsExactly(o.medical() + " 医保中心 4 3 75.0 1");

        JsonNode byStaff = body(http.get("/api/v1/cases/stats/on-time?from=2026-08-01&to=2026-09-30&by=staff&sort=completed",
                "Authorization", as(o.supervisor())));
        assertThat(rows(byStaff)).containsExactly(
                h1 + " 张伟 4 3 75.0 1",
                h2 + " 刘芳 2 1 50.0 1");

        // default: this month (September 2026 in the centre's zone)
        JsonNode month = body(http.get("/api/v1/cases/stats/on-time", "Authorization", as(o.leader())));
        assertThat(month.get("from").asString()).isEqualTo("2026-09-01");
        assertThat(month.get("to").asString()).isEqualTo("2026-09-30");
        assertThat(month.get("total").get("completed").asInt()).isEqualTo(5);
    }

    @Test
    void badStatisticsParametersAre400AndOthersAreRefused() {
        HttpResponse<String> by = http.get("/api/v1/cases/stats/on-time?by=colour", "Authorization", as(o.office()));
        assertThat(by.statusCode()).isEqualTo(400);
        assertThat(body(by).get("errors").get(0).get("field").asString()).isEqualTo("by");
        assertThat(body(by).get("detail").asString()).contains("colour");
        assertThat(body(by).get("detail_en").asString()).contains("Unknown grouping");

        HttpResponse<String> range = http.get("/api/v1/cases/stats/on-time?from=2026-09-30&to=2026-09-01", "Authorization",
                as(o.office()));
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(body(range).get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(http.get("/api/v1/cases/stats/on-time?from=2026-13-01", "Authorization", as(o.office())).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/cases/stats/on-time?from=2020-01-01&to=2026-01-01", "Authorization", as(o.office()))
                .statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/cases/stats/on-time?sort=colour", "Authorization", as(o.office())).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/cases/stats/on-time", "Authorization", as(o.clerk())).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/cases/stats/on-time").statusCode()).isEqualTo(401);
    }

    /** "key label completed onTime rate overdueOpen" per row. */
    static List<String> rows(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : report.get("rows")) {
            JsonNode rate = r.get("rate");
            out.add((r.get("key") == null || r.get("key").isNull() ? "null" : r.get("key").asString()) + " "
                    + r.get("label").asString() + " " + r.get("completed").asLong() + " " + r.get("onTime").asLong() + " "
                    + (rate == null || rate.isNull() ? "null" : rate.decimalValue().toPlainString()) + " "
                    + r.get("overdueOpen").asLong());
        }
        return out;
    }
}
