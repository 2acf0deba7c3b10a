package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.ItemData;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * CASE-10: the online application from the applicant's form to the staff review. Bad input is explained next to its
 * field and stores nothing (SEC-4); uploads are checked by content; a submission gets its case number, tells the
 * applicant and shows as 网上申请待预审 on the progress page (CASE-6); the review is a window intake that opens the
 * case under the same number with the uploads as its documents, in one transaction; only the item's department and the
 * centre office review (SEC-1), and their reads of personal data are audited (SEC-2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OnlineApplicationTests {

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

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    private static final AtomicInteger IP = new AtomicInteger();

    @Autowired
    WebApplicationContext context;

    @Autowired
    OrganizationCommands org;

    @Autowired
    CatalogCommands catalog;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    OrgFixture.Org o;
    ItemVersion item;
    String idNumber;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-11-23T02:00:00Z"));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        o = OrgFixture.create(org, accounts);
        item = catalog.createItem(online(CatalogFixture.committedData(o)));
        idNumber = OrgFixture.idNumber(o.n(), Gender.MALE);
    }

    /** The committed item (M01..M03 required, M04 deferrable, M05 optional), open to online application. */
    static ItemData online(ItemData d) {
        return new ItemData(d.centreId(), d.code(), d.name(), d.departmentId(), d.assisting(), d.windowIds(), d.type(),
                d.legalBasis(), d.conditions(), d.outcome(), d.consultPhone(), d.steps(), d.statutoryLimitDays(),
                d.committedLimitDays(), d.expeditedLimitDays(), d.reviewRequired(), d.fees(), d.materials(), true,
                d.appointment(), d.greenChannel());
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static RequestPostProcessor from(String ip) {
        return r -> {
            r.setRemoteAddr(ip);
            return r;
        };
    }

    static String freshIp() {
        int n = IP.incrementAndGet();
        return "10.7." + (n / 250) + "." + (n % 250 + 1);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    MockMultipartHttpServletRequestBuilder form(String id, String mobile, boolean declaration) {
        MockMultipartHttpServletRequestBuilder b = multipart("/public/apply/" + o.code() + "/" + item.code());
        b.file(new MockMultipartFile("file_M01", "身份证.jpg", "image/jpeg", JPEG.clone()));
        b.file(new MockMultipartFile("file_M02", "申请表.pdf", "application/pdf", PDF));
        b.file(new MockMultipartFile("file_M03", "诊断证明.pdf", "application/pdf", PDF));
        b.param("kind", "PERSON").param("name", "段誉").param("idNumber", id).param("mobile", mobile)
                .param("email", "duanyu@example.com").param("address", "大理国镇南王府");
        if (declaration) {
            b.param("declaration", "true");
        }
        return b;
    }

    String submit() throws Exception {
        MockHttpServletResponse res = mvc.perform(form(idNumber, "18012341999", true).with(csrf()).with(from(freshIp())))
                .andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(302);
        assertThat(res.getRedirectedUrl()).isEqualTo("/public/apply/submitted");
        return jdbc.sql("select number from cas_application where applicant_id_number = :id order by id desc")
                .param("id", idNumber).query(String.class).list().getFirst();
    }

    @Test
    void theItemListShowsOnlyOnlineItemsAndIsSearchable() throws Exception {
        catalog.createItem(CatalogFixture.committedData(o)); // not open to online application
        ItemVersion instant = CatalogFixture.instant(catalog, o); // online
        var doc = Jsoup.parse(mvc.perform(get("/public/apply").param("centre", o.code())).andReturn().getResponse()
                .getContentAsString());
        assertThat(doc.select(".item-list .item-title").eachText()).containsExactlyInAnyOrder(item.name(), instant.name());
        doc = Jsoup.parse(mvc.perform(get("/public/apply").param("centre", o.code()).param("q", "慢特病")).andReturn()
                .getResponse().getContentAsString());
        assertThat(doc.select(".item-list .item-title").eachText()).containsExactly(item.name());
        doc = Jsoup.parse(mvc.perform(get("/public/apply/" + o.code() + "/" + item.code())).andReturn().getResponse()
                .getContentAsString());
        assertThat(doc.select("input[type=file]")).hasSize(5);
        assertThat(doc.select("input[name=declaration]")).hasSize(1);
        // an item not open online is not offered
        ItemVersion offline = catalog.createItem(CatalogFixture.committedData(o));
        assertThat(mvc.perform(get("/public/apply/" + o.code() + "/" + offline.code())).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void badInputIsExplainedInlineAndStoresNothing() throws Exception {
        long apps = count("cas_application");
        long files = count("cas_application_upload");

        // a wrong ID check digit, a bad mobile, no declaration
        MockHttpServletResponse res = mvc.perform(form(OrgFixture.wrongCheckDigit(idNumber), "1801234", false).with(csrf()))
                .andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        var doc = Jsoup.parse(res.getContentAsString());
        assertThat(doc.select("#idNumber-err").text()).isEqualTo("身份证号码校验位不正确，请核对");
        assertThat(doc.select("#mobile-err").text()).startsWith("手机号码无效");
        assertThat(doc.select("#declaration-err").text()).isEqualTo("请阅读并勾选信息真实性承诺");
        assertThat(doc.select("input[name=name]").attr("value")).as("what was typed is kept").isEqualTo("段誉");

        // a program renamed .pdf, and a required material left out
        MockMultipartHttpServletRequestBuilder b = multipart("/public/apply/" + o.code() + "/" + item.code());
        b.file(new MockMultipartFile("file_M01", "身份证.jpg", "image/jpeg", JPEG));
        b.file(new MockMultipartFile("file_M02", "申请表.pdf", "application/pdf", EXE));
        b.param("kind", "PERSON").param("name", "段誉").param("idNumber", idNumber).param("mobile", "18012341999")
                .param("declaration", "true");
        res = mvc.perform(b.with(csrf())).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        doc = Jsoup.parse(res.getContentAsString());
        assertThat(doc.select("#file_M02-err").text()).startsWith("文件内容与类型不符");
        assertThat(doc.select("#file_M03-err").text()).isEqualTo("此项材料必须上传");
        assertThat(doc.select("#file_M01-err")).isEmpty();
        assertThat(doc.select(".flash.error").text()).startsWith("提交未成功");

        // an organisation needs a valid credit code
        MockMultipartHttpServletRequestBuilder org = multipart("/public/apply/" + o.code() + "/" + item.code());
        org.file(new MockMultipartFile("file_M01", "营业执照.pdf", "application/pdf", PDF));
        org.file(new MockMultipartFile("file_M02", "申请表.pdf", "application/pdf", PDF));
        org.file(new MockMultipartFile("file_M03", "证明.pdf", "application/pdf", PDF));
        org.param("kind", "ORGANIZATION").param("name", "大理段氏药业有限公司").param("creditCode", "91350100M000100Y4X")
                .param("mobile", "18012341999").param("declaration", "true");
        res = mvc.perform(org.with(csrf())).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(res.getContentAsString()).select("#creditCode-err").text()).isNotBlank();

        assertThat(count("cas_application")).isEqualTo(apps);
        assertThat(count("cas_application_upload")).isEqualTo(files);
    }

    @Test
    void aSubmissionGetsItsNumberTellsTheApplicantAndShowsOnTheProgressPage() throws Exception {
        long sms = jdbc.sql("select count(*) from ntf_delivery where channel = 'SMS'").query(Long.class).single();
        MockHttpServletResponse res = mvc.perform(form(idNumber, "180 1234 1999", true).with(csrf())).andReturn()
                .getResponse();
        assertThat(res.getStatus()).isEqualTo(302);
        String number = jdbc.sql("select number from cas_application where applicant_id_number = :id")
                .param("id", idNumber).query(String.class).single();
        assertThat(number).startsWith(o.code() + "-20261123-");
        assertThat(jdbc.sql("select status from cas_application where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("""
                select count(*) from cas_application_upload u join cas_application a on a.id = u.application_id
                where a.number = :n""").param("n", number).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select content_type from cas_application_upload where material_code = 'M01' and application_id = "
                + "(select id from cas_application where number = :n)").param("n", number).query(String.class).single())
                .isEqualTo("image/jpeg");

        // the confirmation page shows the number and the way to the progress page
        var flash = mvc.perform(form(OrgFixture.idNumber(o.n() + 1, Gender.FEMALE), "18012342000", true).with(csrf()))
                .andReturn().getFlashMap();
        var confirmation = Jsoup.parse(mvc.perform(get("/public/apply/submitted").flashAttrs(flash)).andReturn()
                .getResponse().getContentAsString());
        String second = confirmation.select(".confirm-number").text();
        assertThat(second).startsWith(o.code() + "-20261123-").isNotEqualTo(number);
        assertThat(confirmation.select("a[href^=/progress?number=]").attr("href")).isEqualTo("/progress?number=" + second);
        assertThat(mvc.perform(get("/public/apply/submitted")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/public/apply");

        // the applicant was told: SMS (skipped without a provider, but recorded), e-mail, public message of the case;
        // the notifier runs after the submission has committed, on its own thread
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from ntf_delivery where channel = 'SMS'").query(Long.class).single())
                    .isEqualTo(sms + 2);
            assertThat(jdbc.sql("select count(*) from ntf_delivery where channel = 'EMAIL' "
                    + "and recipient = 'duanyu@example.com' and subject like :n").param("n", "%" + number + "%")
                    .query(Long.class).single()).isEqualTo(1);
        });
        assertThat(jdbc.sql("select body from ntf_delivery where channel = 'SMS' and recipient = '18012341999' "
                + "and body like :n").param("n", "%" + number + "%").query(String.class).single())
                .contains("/progress?number=" + number);

        // the progress query finds it: 网上申请待预审, and shows the public message, without personal data
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String json = mvc.perform(get("/api/v1/public/cases/" + number).param("mobile", "18012341999")
                    .with(from(freshIp()))).andReturn().getResponse().getContentAsString();
            assertThat(json).contains("\"stage\":\"ONLINE_PENDING\"", "\"stageText\":\"网上申请待预审\"", "网上申请已收到")
                    .doesNotContain("段誉", idNumber, "18012341999", "大理国", "duanyu");
        });
        String html = mvc.perform(post("/progress").with(csrf()).with(from(freshIp())).param("number", number)
                .param("idNumber", idNumber)).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".stage strong").text()).isEqualTo("网上申请待预审");
        assertThat(html).doesNotContain("段誉", idNumber, "18012341999");

        // the submission is audited without the personal data in clear
        String after = jdbc.sql("select after_state from audit_log where entity_type = 'OnlineApplication' and entity_id = :n")
                .param("n", number).query(String.class).single();
        assertThat(after).contains("SUBMITTED").doesNotContain(idNumber, "18012341999");
    }

    @Test
    void aClerkReviewsItLikeAWindowIntakeAndTheCaseKeepsTheNumber() throws Exception {
        String number = submit();
        Instant submittedAt = CLOCK.instant();
        CLOCK.advance(Duration.ofHours(26)); // reviewed the next working day

        // the list shows it with the working days since submission; the applicant is masked
        var list = Jsoup.parse(mvc.perform(get("/cases/online").with(as(o.clerk()))).andReturn().getResponse()
                .getContentAsString());
        assertThat(list.select("table.online-list").text()).contains(number, item.name(), "段*", "180****1999")
                .doesNotContain("段誉", "18012341999");
        // the employment department's head does not see the medical department's applications
        var other = Jsoup.parse(mvc.perform(get("/cases/online").with(as(o.employmentHead()))).andReturn().getResponse()
                .getContentAsString());
        assertThat(other.text()).doesNotContain(number);
        assertThat(mvc.perform(get("/cases/online/" + number).with(as(o.employmentHead()))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);

        // the review page: the applicant in full (audited), the uploads beside the checklist
        long reads = jdbc.sql("select count(*) from audit_log where entity_type = 'OnlineApplication' "
                + "and entity_id = :n and action = 'READ_PERSONAL_DATA'")
                .param("n", number).query(Long.class).single();
        var review = Jsoup.parse(mvc.perform(get("/cases/online/" + number).with(as(o.clerk()))).andReturn().getResponse()
                .getContentAsString());
        assertThat(review.select(".applicant-card").text()).contains("段誉", idNumber, "18012341999");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'OnlineApplication' "
                + "and entity_id = :n and action = 'READ_PERSONAL_DATA'")
                .param("n", number).query(Long.class).single()).isEqualTo(reads + 1);
        assertThat(review.select(".check-row")).hasSize(5);
        assertThat(review.select(".check-files a[target=preview]").eachText())
                .containsExactly("身份证.jpg", "申请表.pdf", "诊断证明.pdf");
        String viewUrl = review.select(".check-files a[target=preview]").get(1).attr("href");
        MockHttpServletResponse file = mvc.perform(get(viewUrl).with(as(o.clerk()))).andReturn().getResponse();
        assertThat(file.getContentType()).isEqualTo("application/pdf");
        assertThat(file.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(file.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(mvc.perform(get(viewUrl).param("download", "true").with(as(o.clerk()))).andReturn().getResponse()
                .getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(mvc.perform(get(viewUrl).with(as(o.employmentHead()))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        // a WRONG material without a note is refused and nothing changes
        MockHttpServletResponse refused = mvc.perform(post("/cases/online/" + number).with(csrf()).with(as(o.clerk()))
                .param("state_M01", "RECEIVED").param("state_M02", "WRONG").param("state_M03", "RECEIVED")
                .param("state_M04", "RECEIVED").param("state_M05", "MISSING")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.getContentAsString()).select(".flash.error").text()).contains("请写明原因");
        assertThat(jdbc.sql("select count(*) from cas_case where number = :n").param("n", number).query(Long.class)
                .single()).isZero();

        // everything received: accepted under the same number, received when it was submitted
        long documents = count("cas_document");
        MockHttpServletResponse res = mvc.perform(post("/cases/online/" + number).with(csrf()).with(as(o.clerk()))
                .param("state_M01", "RECEIVED").param("state_M02", "RECEIVED").param("state_M03", "RECEIVED")
                .param("state_M04", "RECEIVED").param("state_M05", "MISSING")).andReturn().getResponse();
        assertThat(res.getStatus()).isEqualTo(302);
        assertThat(res.getRedirectedUrl()).isEqualTo("/cases/online/" + number + "/outcome");
        var c = jdbc.sql("select status, channel, received_at, due_date from cas_case where number = :n").param("n", number)
                .query((rs, i) -> new Object[] {rs.getString("status"), rs.getString("channel"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getObject("due_date")})
                .single();
        assertThat(c[0]).isEqualTo("ACCEPTED");
        assertThat(c[1]).isEqualTo("ONLINE");
        assertThat(Duration.between(submittedAt, (Instant) c[2]).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(c[3]).isNotNull();
        assertThat(count("cas_document")).isEqualTo(documents + 3);
        assertThat(jdbc.sql("select status from cas_application where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("ACCEPTED");

        var outcome = Jsoup.parse(mvc.perform(get("/cases/online/" + number + "/outcome").with(as(o.clerk()))).andReturn()
                .getResponse().getContentAsString());
        assertThat(outcome.select("#outcome-status").text()).isEqualTo("已受理");
        assertThat(outcome.select("#case-number").text()).isEqualTo(number);
        assertThat(outcome.select(".notice-links a").attr("href")).isEqualTo("/cases/" + number + "/notices/receipt.pdf");

        // a second review is refused
        MockHttpServletResponse again = mvc.perform(post("/cases/online/" + number).with(csrf()).with(as(o.office()))
                .param("state_M01", "RECEIVED").param("state_M02", "RECEIVED").param("state_M03", "RECEIVED")
                .param("state_M04", "RECEIVED").param("state_M05", "MISSING")).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(again.getContentAsString()).contains("已经预审过了");

        // the applicant follows it: 已受理 with the committed deadline
        String json = mvc.perform(get("/api/v1/public/cases/" + number).param("mobile", "18012341999").with(from(freshIp())))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"stage\":\"ACCEPTED\"", "\"stageText\":\"已受理\"", "\"dueDate\":\"" + c[3] + "\"",
                "\"receivedOn\":\"2026-11-23\"", "网上提交申请").doesNotContain("段誉", idNumber, "18012341999");
    }

    @Test
    void missingMaterialsGiveACorrectionNoticeAndARejectionGoesElsewhere() throws Exception {
        String number = submit();
        mvc.perform(post("/cases/online/" + number).with(csrf()).with(as(o.medicalHead()))
                .param("state_M01", "RECEIVED").param("state_M02", "WRONG").param("note_M02", "未签字")
                .param("state_M03", "MISSING").param("state_M04", "RECEIVED").param("state_M05", "MISSING"));
        assertThat(jdbc.sql("select status from cas_case where number = :n").param("n", number).query(String.class)
                .single()).isEqualTo("CORRECTION_REQUIRED");
        assertThat(jdbc.sql("select status from cas_application where number = :n").param("n", number)
                .query(String.class).single()).isEqualTo("CORRECTION_REQUIRED");
        String html = mvc.perform(post("/progress").with(csrf()).with(from(freshIp())).param("number", number)
                .param("mobile", "18012341999")).andReturn().getResponse().getContentAsString();
        var doc = Jsoup.parse(html);
        assertThat(doc.select(".stage strong").text()).isEqualTo("待补正");
        assertThat(doc.select(".to-supply li").eachText()).contains("门诊慢特病待遇认定申请表", "二级及以上定点医院诊断证明");

        String rejected = submit();
        MockHttpServletResponse noReason = mvc.perform(post("/cases/online/" + rejected + "/reject").with(csrf())
                .with(as(o.office())).param("reason", " ")).andReturn().getResponse();
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("请填写不予受理的理由");
        mvc.perform(post("/cases/online/" + rejected + "/reject").with(csrf()).with(as(o.office()))
                .param("reason", "不属于本中心受理范围").param("redirectTo", "市医保局"));
        assertThat(jdbc.sql("select status from cas_case where number = :n").param("n", rejected).query(String.class)
                .single()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select status from cas_application where number = :n").param("n", rejected)
                .query(String.class).single()).isEqualTo("REJECTED");
    }

    @Test
    void oneAddressMaySubmitOnlySoManyApplicationsAnHour() throws Exception {
        String ip = freshIp();
        for (int i = 0; i < 10; i++) {
            assertThat(mvc.perform(form(OrgFixture.idNumber(o.n() * 20 + i, Gender.FEMALE), "18012341999", true)
                    .with(csrf()).with(from(ip))).andReturn().getResponse().getStatus()).isEqualTo(302);
        }
        // a mistake does not count and is still explained
        assertThat(mvc.perform(form(OrgFixture.wrongCheckDigit(idNumber), "18012341999", true).with(csrf()).with(from(ip)))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        long apps = count("cas_application");
        long sms = jdbc.sql("select count(*) from ntf_delivery where channel = 'SMS'").query(Long.class).single();
        MockHttpServletResponse limited = mvc.perform(form(idNumber, "18012341999", true).with(csrf()).with(from(ip)))
                .andReturn().getResponse();
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isPositive();
        assertThat(Jsoup.parse(limited.getContentAsString()).select(".flash.error").text()).startsWith("本机提交的申请过于频繁");
        assertThat(count("cas_application")).isEqualTo(apps);
        assertThat(jdbc.sql("select count(*) from ntf_delivery where channel = 'SMS'").query(Long.class).single())
                .isEqualTo(sms);
        // another address is not affected
        assertThat(mvc.perform(form(idNumber, "18012341999", true).with(csrf()).with(from(freshIp()))).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void theReviewPagesNeedAStaffLogin() throws Exception {
        String number = submit();
        MockHttpServletResponse anonymous = mvc.perform(get("/cases/online/" + number)).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/cases/online").with(as(o.leader()))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
