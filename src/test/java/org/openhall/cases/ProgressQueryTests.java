package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseView;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * CASE-6: the progress query without login, on the page and over the API, for cases in every stage; no personal
 * data in the answer (SEC-2); a wrong mobile answers exactly like an unknown number; rate limits per client address
 * and per case number give 429 with Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressQueryTests {

    /** Monday 2026-11-23, 10:00 in Beijing. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    private static final AtomicInteger IP = new AtomicInteger();

    @Autowired
    WebApplicationContext context;

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogCommands catalog;

    @Autowired
    CaseCommands cases;

    MockMvc mvc;
    OrgFixture.Org o;
    ProgressRows rows;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-11-23T02:00:00Z"));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        o = OrgFixture.create(org, accounts);
        rows = new ProgressRows(jdbc, o.centreId(), o.code());
    }

    /** A client address of its own, so that the per-address limit of one test never touches another. */
    static String freshIp() {
        int n = IP.incrementAndGet();
        return "10.9." + (n / 250) + "." + (n % 250 + 1);
    }

    MockHttpServletResponse page(String number, String mobile, String ip) throws Exception {
        return mvc.perform(post("/progress").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).param("number", number).param("mobile", mobile)).andReturn().getResponse();
    }

    MockHttpServletResponse pageById(String number, String idNumber, String ip) throws Exception {
        return mvc.perform(post("/progress").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).param("number", number).param("idNumber", idNumber)).andReturn().getResponse();
    }

    MockHttpServletResponse api(String number, String query, String ip) throws Exception {
        return mvc.perform(get("/api/v1/public/cases/" + number + "?" + query).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        })).andReturn().getResponse();
    }

    static void assertNoPersonalData(String body) {
        assertThat(body).doesNotContain(ProgressRows.NAME, ProgressRows.ID_NUMBER, ProgressRows.MOBILE,
                ProgressRows.ADDRESS, "张伟", "13900001234", "t-clerk");
    }

    @Test
    void anAcceptedCaseShowsItsStageDatesAndDeadlineButNoPersonalData() throws Exception {
        String number = rows.nextNumber();
        Instant received = Instant.parse("2026-11-20T01:30:00Z");
        long id = rows.insertCase(number, o.medical(), CaseStatus.ACCEPTED, received, received, LocalDate.of(2026, 11, 27),
                WarningLevel.NONE);
        rows.step(id, "RECEIVE", o.medical(), received, null, received);
        rows.step(id, "ACCEPT", o.medical(), received, null, received);

        MockHttpServletResponse res = page(number, ProgressRows.MOBILE, freshIp());
        assertThat(res.getStatus()).isEqualTo(200);
        String html = res.getContentAsString();
        var doc = Jsoup.parse(html);
        assertThat(doc.select(".case-number").text()).isEqualTo(number);
        assertThat(doc.select(".stage strong").text()).isEqualTo("已受理");
        assertThat(doc.select(".item-name").text()).isEqualTo("城乡居民医保参保登记");
        assertThat(doc.select(".facts").text()).contains("医保中心", "2026-11-20", "2026-11-27", "测试县社会保险服务中心");
        assertThat(doc.select(".deadline-tag")).isEmpty();
        assertThat(doc.select(".timeline").text()).contains("窗口收件", "受理");
        assertThat(doc.select("input[name=mobile]").attr("value")).isEmpty();
        assertNoPersonalData(html);

        MockHttpServletResponse json = api(number, "mobile=" + ProgressRows.MOBILE, freshIp());
        assertThat(json.getStatus()).isEqualTo(200);
        String body = json.getContentAsString();
        assertThat(body).contains("\"stage\":\"ACCEPTED\"", "\"stageText\":\"已受理\"", "\"dueDate\":\"2026-11-27\"",
                "\"acceptedOn\":\"2026-11-20\"", "\"itemName\":\"城乡居民医保参保登记\"");
        assertNoPersonalData(body);

        // the ID number works as well, and the English page speaks English
        MockHttpServletResponse byId = pageById(number, ProgressRows.ID_NUMBER.toLowerCase(), freshIp());
        assertThat(byId.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(byId.getContentAsString()).select(".stage strong").text()).isEqualTo("已受理");
        MockHttpServletResponse en = api(number, "idNumber=" + ProgressRows.ID_NUMBER + "&lang=en", freshIp());
        assertThat(en.getContentAsString()).contains("\"stageText\":\"Accepted\"");
    }

    /** The progress of a case taken through its life by the case commands, looked up with its applicant's mobile. */
    org.jsoup.nodes.Document progressOf(CaseView c) throws Exception {
        CLOCK.advance(Duration.ofSeconds(61)); // each look-up of the same number within its allowance
        MockHttpServletResponse res = page(c.number(), c.applicant().mobile(), freshIp());
        assertThat(res.getStatus()).isEqualTo(200);
        String html = res.getContentAsString();
        assertThat(html).doesNotContain(c.applicant().name(), c.applicant().idNumber(), c.applicant().mobile(),
                c.applicant().email(), c.applicant().address());
        return Jsoup.parse(html);
    }

    @Test
    void aRealCaseFromIntakeToDeliveryIsFollowedWithoutPersonalData() throws Exception {
        ItemVersion item = CatalogFixture.committed(catalog, o);
        CaseView c = CasesFixture.accepted(cases, o, item);
        var doc = progressOf(c);
        assertThat(doc.select(".stage strong").text()).isEqualTo("已受理");
        assertThat(doc.select(".facts").text()).contains(c.dueDate().toString(), "医保中心", "2026-11-23");
        assertThat(doc.select(".timeline").text()).contains("窗口收件", "受理");

        cases.suspend(c.number(), SuspensionReason.EXPERT_REVIEW, "组织专家评审");
        doc = progressOf(c);
        assertThat(doc.select(".stage strong").text()).isEqualTo("挂起（专家评审，计时中止）");
        assertThat(doc.select(".timeline").text()).contains("挂起（计时中止）");
        cases.resume(c.number(), "专家评审结束");

        CaseView routed = cases.route(c.number(), o.medical(), CasesFixture.handlerOf(o, o.medical()), "请按时办理");
        doc = progressOf(routed);
        assertThat(doc.select(".stage strong").text()).isEqualTo("办理中（医保中心）");
        assertThat(doc.select(".timeline li.open").text()).contains("承办", "进行中");
        assertThat(doc.html()).as("the handler is staff: never named").doesNotContain("张伟");

        CaseView done = cases.complete(c.number(), CaseResult.APPROVED, null, null);
        cases.deliver(c.number(), CaseCommands.DeliveryMethod.MAIL, "清溪县大理路1号", "SF9876543210");
        doc = progressOf(done);
        assertThat(doc.select(".stage strong").text()).isEqualTo("已办结（准予）");
        assertThat(doc.select(".handover").text()).contains("邮寄送达", "SF9876543210");

        CLOCK.advance(Duration.ofSeconds(61));
        String json = api(c.number(), "mobile=" + c.applicant().mobile(), freshIp()).getContentAsString();
        assertThat(json).contains("\"stage\":\"COMPLETED_APPROVED\"", "\"dueDate\":\"" + done.dueDate() + "\"")
                .doesNotContain(c.applicant().name(), c.applicant().idNumber(), c.applicant().mobile());
    }

    @Test
    void everyStageReadsAsTheApplicantUnderstandsIt() throws Exception {
        Instant received = Instant.parse("2026-11-10T01:30:00Z");
        // routed to the employment centre: 办理中（劳动就业中心）, yellow warning
        String processing = rows.nextNumber();
        long p = rows.insertCase(processing, o.medical(), CaseStatus.PROCESSING, received, received,
                LocalDate.of(2026, 11, 24), WarningLevel.YELLOW);
        rows.step(p, "ROUTE", o.employment(), received.plus(Duration.ofDays(1)), null, received.plus(Duration.ofDays(1)));
        rows.step(p, "HANDLE", o.employment(), received.plus(Duration.ofDays(1)), LocalDate.of(2026, 11, 24), null);
        var doc = Jsoup.parse(page(processing, ProgressRows.MOBILE, freshIp()).getContentAsString());
        assertThat(doc.select(".stage strong").text()).isEqualTo("办理中（劳动就业中心）");
        assertThat(doc.select(".deadline-tag.yellow").text()).isEqualTo("即将到期");
        assertThat(doc.select(".timeline li.open").text()).contains("承办", "劳动就业中心", "进行中");
        assertThat(doc.select(".timeline").text()).contains("分送承办部门");
        assertNoPersonalData(doc.html());

        // past its due date while the clock runs: 已超期 even before the scan has marked it
        String overdue = rows.nextNumber();
        rows.insertCase(overdue, o.medical(), CaseStatus.ACCEPTED, received, received, LocalDate.of(2026, 11, 20),
                WarningLevel.NONE);
        doc = Jsoup.parse(page(overdue, ProgressRows.MOBILE, freshIp()).getContentAsString());
        assertThat(doc.select(".deadline-tag.red").text()).isEqualTo("已超期");

        // the review (审核把关) done, the decision pending: 审核中
        String review = rows.nextNumber();
        long r = rows.insertCase(review, o.medical(), CaseStatus.PROCESSING, received, received, LocalDate.of(2026, 11, 30),
                WarningLevel.NONE);
        rows.step(r, "HANDLE", o.medical(), received, LocalDate.of(2026, 11, 30), null);
        rows.step(r, "REVIEW", o.medical(), received.plus(Duration.ofDays(2)), null, received.plus(Duration.ofDays(2)));
        assertThat(Jsoup.parse(page(review, ProgressRows.MOBILE, freshIp()).getContentAsString()).select(".stage strong")
                .text()).isEqualTo("审核中");

        // suspended for an expert review: the reason and that the clock stands still
        String suspended = rows.nextNumber();
        long s = rows.insertCase(suspended, o.medical(), CaseStatus.SUSPENDED, received, received,
                LocalDate.of(2026, 11, 20), WarningLevel.NONE);
        rows.suspension(s, SuspensionReason.EXPERT_REVIEW, received.plus(Duration.ofDays(2)));
        doc = Jsoup.parse(page(suspended, ProgressRows.MOBILE, freshIp()).getContentAsString());
        assertThat(doc.select(".stage strong").text()).isEqualTo("挂起（专家评审，计时中止）");
        assertThat(doc.select(".notice").text()).contains("计时中止");
        assertThat(doc.select(".deadline-tag")).as("a stopped clock is not overdue").isEmpty();

        // a correction notice: 待补正 with the materials to bring, all at once
        String correction = rows.nextNumber();
        long c = rows.insertCase(correction, o.medical(), CaseStatus.CORRECTION_REQUIRED, received, null, null,
                WarningLevel.NONE);
        rows.material(c, "M01", "居民身份证", "RECEIVED");
        rows.material(c, "M02", "户口簿", "MISSING");
        rows.material(c, "M03", "参保登记表", "WRONG");
        doc = Jsoup.parse(page(correction, ProgressRows.MOBILE, freshIp()).getContentAsString());
        assertThat(doc.select(".stage strong").text()).isEqualTo("待补正");
        assertThat(doc.select(".to-supply li").eachText()).containsExactly("户口簿", "参保登记表");

        // refused, mailed with a tracking number; the mailing address is never shown
        String refused = rows.nextNumber();
        long f = rows.insertCase(refused, o.medical(), CaseStatus.COMPLETED, received, received, LocalDate.of(2026, 11, 20),
                WarningLevel.NONE);
        jdbc.sql("""
                update cas_case set result = 'REFUSED', completed_at = :done, delivery = 'MAIL',
                    delivery_address = '大理国镇南王府', tracking_number = 'SF1234567890', delivered_at = :done
                where id = :id""").param("done", ProgressRows.at(received.plus(Duration.ofDays(3)))).param("id", f).update();
        String html = page(refused, ProgressRows.MOBILE, freshIp()).getContentAsString();
        doc = Jsoup.parse(html);
        assertThat(doc.select(".stage strong").text()).isEqualTo("已办结（不予）");
        assertThat(doc.select(".handover").text()).contains("邮寄送达", "SF1234567890", "2026-11-13");
        assertNoPersonalData(html);
        String json = api(refused, "mobile=" + ProgressRows.MOBILE, freshIp()).getContentAsString();
        assertThat(json).contains("\"trackingNumber\":\"SF1234567890\"", "\"stage\":\"COMPLETED_REFUSED\"");
        assertNoPersonalData(json);
    }

    @Test
    void aWrongMobileAnswersExactlyLikeAnUnknownNumber() throws Exception {
        String number = rows.nextNumber();
        Instant received = Instant.parse("2026-11-20T01:30:00Z");
        rows.insertCase(number, o.medical(), CaseStatus.ACCEPTED, received, received, LocalDate.of(2026, 11, 27),
                WarningLevel.NONE);
        String unknown = rows.nextNumber();

        MockHttpServletResponse wrong = page(number, "13912345678", freshIp());
        MockHttpServletResponse missing = page(unknown, "13912345678", freshIp());
        assertThat(wrong.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
        assertThat(Jsoup.parse(wrong.getContentAsString()).select(".flash.error").text())
                .isEqualTo("未找到匹配的办件，请核对办件编号和手机号");
        // the same page apart from the number typed (which is kept in the form) and the form's CSRF token
        assertThat(normalise(wrong.getContentAsString(), number)).isEqualTo(normalise(missing.getContentAsString(), unknown));

        MockHttpServletResponse wrongApi = api(number, "mobile=13912345678", freshIp());
        MockHttpServletResponse missingApi = api(unknown, "mobile=13912345678", freshIp());
        assertThat(wrongApi.getStatus()).isEqualTo(404).isEqualTo(missingApi.getStatus());
        assertThat(wrongApi.getContentType()).isEqualTo(missingApi.getContentType()).startsWith("application/problem+json");
        assertThat(wrongApi.getContentAsString()).isEqualTo(missingApi.getContentAsString())
                .contains("未找到匹配的办件，请核对办件编号和手机号").doesNotContain(number, unknown);

        // a wrong ID number too
        MockHttpServletResponse wrongId = api(number, "idNumber=" + OrgFixture.idNumber(77, Gender.MALE),
                freshIp());
        assertThat(wrongId.getContentAsString()).isEqualTo(missingApi.getContentAsString());
    }

    private static String normalise(String html, String number) {
        return html.replace(number, "#NUMBER#").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "<meta name=\"_csrf\"");
    }

    @Test
    void missingInputIsExplainedInline() throws Exception {
        MockHttpServletResponse res = mvc.perform(post("/progress").with(csrf()).param("number", "").param("mobile", ""))
                .andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        var doc = Jsoup.parse(res.getContentAsString());
        assertThat(doc.select("#number-err").text()).startsWith("请输入办件编号");
        assertThat(doc.select("#mobile-err").text()).isEqualTo("请输入手机号码或证件号码");
        MockHttpServletResponse api = api(rows.nextNumber(), "", freshIp());
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("请输入手机号码或证件号码");
    }

    @Test
    void theQrCodeLinkPrefillsTheNumber() throws Exception {
        String html = mvc.perform(get("/progress").param("number", "QX-SSC-20261123-0007")).andReturn().getResponse()
                .getContentAsString();
        var doc = Jsoup.parse(html);
        assertThat(doc.select("input[name=number]").attr("value")).isEqualTo("QX-SSC-20261123-0007");
        assertThat(doc.select("link[href*=fonts.css]")).as("the shipped CJK web font").isNotEmpty();
        assertThat(doc.select("input[name=mobile]")).isNotEmpty();
    }

    @Test
    void tooManyLookUpsFromOneAddressOrForOneNumberAreRefusedWithRetryAfter() throws Exception {
        // per address: 10 a minute by default
        String ip = freshIp();
        for (int i = 0; i < 10; i++) {
            assertThat(page(rows.nextNumber(), ProgressRows.MOBILE, ip).getStatus()).isEqualTo(404);
        }
        MockHttpServletResponse limited = page(rows.nextNumber(), ProgressRows.MOBILE, ip);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(Jsoup.parse(limited.getContentAsString()).select(".flash.error").text()).startsWith("查询过于频繁，请");
        MockHttpServletResponse limitedApi = api(rows.nextNumber(), "mobile=" + ProgressRows.MOBILE, ip);
        assertThat(limitedApi.getStatus()).isEqualTo(429);
        assertThat(limitedApi.getHeader("Retry-After")).isNotBlank();
        assertThat(limitedApi.getContentAsString()).contains("too-many-requests", "查询过于频繁");

        // per number: 5 a minute, from any number of addresses
        String number = rows.nextNumber();
        Instant received = Instant.parse("2026-11-20T01:30:00Z");
        rows.insertCase(number, o.medical(), CaseStatus.ACCEPTED, received, received, LocalDate.of(2026, 11, 27),
                WarningLevel.NONE);
        for (int i = 0; i < 5; i++) {
            assertThat(api(number, "mobile=1391234567" + i, freshIp()).getStatus()).isEqualTo(404);
        }
        assertThat(api(number, "mobile=" + ProgressRows.MOBILE, freshIp()).getStatus())
                .as("even the right mobile waits once the number's allowance is used up").isEqualTo(429);

        // a minute later the allowance is back
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(api(number, "mobile=" + ProgressRows.MOBILE, freshIp()).getStatus()).isEqualTo(200);
        assertThat(page(rows.nextNumber(), ProgressRows.MOBILE, ip).getStatus()).isEqualTo(404);
    }
}
