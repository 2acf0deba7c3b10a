package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhall.catalog.CatalogCommands;
import org.openhall.catalog.CatalogFixture;
import org.openhall.catalog.ItemVersion;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseView;
import org.openhall.organization.Gender;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case API under /api/v1/cases over real HTTP (CASE-1..9, SEC-1, SEC-2, SEC-4): RFC 9457 problems with field
 * errors and nothing written on bad input, 409 for refused transitions, data scope (other centres 404), masking,
 * parallel intakes with distinct numbers; the staff pages' notice download and seal settings (CASE-2a); and the
 * applicant told of the decision after commit by e-mail (GreenMail), SMS (a local provider stub) and in-system
 * message (CASE-7).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-09-28T02:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort()).withPerMethodLifecycle(false);

    /** A local SMS provider: answers 200 and keeps what it received. */
    static final List<String> SMS = new CopyOnWriteArrayList<>();
    static final HttpServer SMS_SERVER = smsServer();

    static HttpServer smsServer() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", exchange -> {
                SMS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = "{\"id\":\"sms-1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        r.add("openhall.notification.mail.from", () -> "noreply@qingxi.example.cn");
        r.add("openhall.notification.sms.url", () -> "http://127.0.0.1:" + SMS_SERVER.getAddress().getPort() + "/send");
        r.add("openhall.notification.sms.api-key", () -> "k");
        r.add("openhall.public-url", () -> "https://ban.qingxi.example.cn");
    }

    @AfterAll
    static void stop() {
        SMS_SERVER.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    CatalogCommands catalog;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    CaseCommands cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    MockMvc mvc;
    OrgFixture.Org o;
    ItemVersion item;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-09-28T02:00:00Z"));
        http = new Http(port);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        o = OrgFixture.create(orgCommands, accounts);
        item = CatalogFixture.committed(catalog, o);
    }

    String as(String user) {
        return Http.basic(user, OrgFixture.PASSWORD);
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        for (String t : List.of("cas_case", "cas_material", "cas_step", "cas_notice", "cas_suspension", "cas_number_sequence",
                "audit_log")) {
            m.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return m;
    }

    String intakeJson(String itemCode, String idNumber, String received, String extra) {
        return """
                {"itemCode": "%s", "applicant": {"kind": "PERSON", "name": "段誉", "idNumber": "%s", "mobile": "13800138000",
                 "email": "duanyu@example.cn", "address": "清溪县大理路1号"},
                 "received": [%s]%s}""".formatted(itemCode, idNumber, received, extra);
    }

    String validId() {
        return OrgFixture.idNumber(o.n() + 700, Gender.MALE);
    }

    HttpResponse<byte[]> bytes(String path, String auth) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of the QR code printed on the first page. */
    static String qrCode(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            var image = new org.apache.pdfbox.rendering.PDFRenderer(d).renderImageWithDPI(0, 200);
            var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
            return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
                    Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (IOException | com.google.zxing.ReaderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIntakeWithTwoMaterialsMissingGetsOneNoticeListingBothThenSupplementsAcceptIt() {
        var r = http.postJson("/api/v1/cases", intakeJson(item.code(), validId(), "\"M01\",\"M04\"", ""),
                "Authorization", as(o.clerk()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = body(r);
        String number = c.get("number").asString();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/cases/" + number);
        assertThat(c.get("status").asString()).isEqualTo("CORRECTION_REQUIRED");
        assertThat(c.has("dueDate")).isFalse();
        // the clerk who received it sees the applicant in full
        assertThat(c.get("applicant").get("idNumber").asString()).isEqualTo(validId());
        JsonNode link = c.get("notices").get(0);
        assertThat(link.get("kind").asString()).isEqualTo("CORRECTION");
        assertThat(link.get("href").asString()).isEqualTo("/api/v1/cases/" + number + "/notices/correction.pdf");
        var pdf = bytes(link.get("href").asString(), as(o.clerk()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("门诊慢特病待遇认定申请表", "二级及以上定点医院诊断证明", "共 2 项");
        assertThat(qrCode(pdf.body())).isEqualTo("https://ban.qingxi.example.cn/progress?number=" + number);

        var s = http.postJson("/api/v1/cases/" + number + "/supplements", "{\"received\": [\"M02\", \"M03\"]}",
                "Authorization", as(o.clerk()));
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(body(s).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body(s).get("dueDate").asString()).isEqualTo("2026-10-16");
        var receipt = bytes("/api/v1/cases/" + number + "/notices/receipt.pdf", as(o.clerk()));
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(pdfText(receipt.body())).contains("受理回执", "2026年10月16日前（10个工作日）",
                "https://ban.qingxi.example.cn/progress?number=" + number);
        assertThat(bytes("/api/v1/cases/" + number + "/notices/decision.pdf", as(o.clerk())).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsA400WithTheFieldAndWritesNothing() {
        Map<String, Long> before = counts();
        record Case(String json, String field) {
        }
        List<Case> bad = List.of(
                new Case(intakeJson("NO-SUCH", validId(), "\"M01\"", ""), "itemCode"),
                new Case(intakeJson(item.code(), OrgFixture.wrongCheckDigit(validId()), "\"M01\"", ""), "applicant.idNumber"),
                new Case(intakeJson(item.code(), validId(), "\"M01\",\"M99\",\"X1\"", ""), "materials"),
                new Case(intakeJson(item.code(), validId(), "\"M01\"", ", \"rejection\": {\"reason\": \"\"}"), "rejection.reason"),
                new Case(intakeJson(item.code(), validId(), "\"M01\",\"M02\",\"M03\"",
                        ", \"deferred\": [\"M04\"], \"deferral\": {\"commitmentSigned\": true, \"supplyBy\": \"2026-12-31\"}"),
                        "deferral.supplyBy"));
        for (Case b : bad) {
            var r = http.postJson("/api/v1/cases", b.json(), "Authorization", as(o.clerk()));
            assertThat(r.statusCode()).as(b.field()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode p = body(r);
            assertThat(p.get("errors").get(0).get("field").asString()).as(b.json()).isEqualTo(b.field());
            assertThat(p.get("detail").asString()).isNotBlank();
            assertThat(p.get("detail_en").asString()).isNotBlank();
        }
        var unknown = body(http.postJson("/api/v1/cases", bad.get(2).json(), "Authorization", as(o.clerk())));
        assertThat(unknown.get("detail").asString()).contains("M99", "X1");
        assertThat(http.postJson("/api/v1/cases", "{not json", "Authorization", as(o.clerk())).statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/cases", bad.get(0).json()).statusCode()).isEqualTo(401);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void refusedTransitionsAre409AndChangeNothing() {
        CaseView c = CasesFixture.processing(cases, o, item);
        String base = "/api/v1/cases/" + c.number();
        Map<String, Long> before = counts();
        var resume = http.postJson(base + "/resume", "{}", "Authorization", as(o.clerk()));
        assertThat(resume.statusCode()).isEqualTo(409);
        assertThat(body(resume).get("detail").asString()).isEqualTo("办件未中止计时，无需恢复");
        assertThat(counts()).isEqualTo(before);

        var suspended = http.postJson(base + "/suspend", "{\"reason\": \"EXPERT_REVIEW\", \"note\": \"专家评审\"}",
                "Authorization", as(o.clerk()));
        assertThat(body(suspended).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(bytes(base + "/notices/suspension.pdf", as(o.clerk())).statusCode()).isEqualTo(200);
        assertThat(body(http.postJson(base + "/resume", "{\"note\": \"评审结束\"}", "Authorization", as(o.clerk())))
                .get("status").asString()).isEqualTo("PROCESSING");
        var extended = http.postJson(base + "/extend", "{\"workingDays\": 5, \"reason\": \"需实地核查\", \"approvedBy\": \"%s\"}"
                .formatted(o.leader()), "Authorization", as(o.medicalHead()));
        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(body(extended).get("extensionDays").asInt()).isEqualTo(5);

        var done = http.postJson(base + "/complete", "{\"result\": \"APPROVED\"}", "Authorization", as(o.clerk()));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(body(done).get("completedOnTime").asBoolean()).isTrue();
        Map<String, Long> afterDone = counts();
        var twice = http.postJson(base + "/complete", "{\"result\": \"APPROVED\"}", "Authorization", as(o.clerk()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(body(twice).get("detail").asString()).isEqualTo("办件已办结，不能重复办结");
        var refusedWithoutRemedy = http.postJson("/api/v1/cases/" + CasesFixture.processing(cases, o, item).number()
                + "/complete", "{\"result\": \"REFUSED\", \"reason\": \"不符合条件\"}", "Authorization", as(o.clerk()));
        assertThat(refusedWithoutRemedy.statusCode()).isEqualTo(400);
        assertThat(body(refusedWithoutRemedy).get("errors").get(0).get("field").asString()).isEqualTo("remedy");
        assertThat(counts().get("audit_log")).isGreaterThan(afterDone.get("audit_log") - 1);

        var delivered = http.postJson(base + "/deliver", "{\"method\": \"MAIL\", \"trackingNumber\": \"SF1234567890\"}",
                "Authorization", as(o.clerk()));
        assertThat(body(delivered).get("trackingNumber").asString()).isEqualTo("SF1234567890");
        assertThat(body(http.postJson(base + "/archive", "", "Authorization", as(o.clerk()))).get("status").asString())
                .isEqualTo("ARCHIVED");
        var readOnly = http.postJson(base + "/suspend", "{\"reason\": \"HEARING\"}", "Authorization", as(o.clerk()));
        assertThat(readOnly.statusCode()).isEqualTo(409);
        assertThat(body(readOnly).get("detail").asString()).isEqualTo("办件已归档，只读");
    }

    @Test
    void routingOpinionsAndReviewOverTheApi() {
        ItemVersion joint = CatalogFixture.joint(catalog, o);
        CaseView c = CasesFixture.accepted(cases, o, joint);
        String base = "/api/v1/cases/" + c.number();
        var routed = http.postJson(base + "/route", "{\"departmentId\": %d, \"handlerStaffId\": %d}".formatted(o.medical(),
                o.medicalStaff()[2]), "Authorization", as(o.medicalHead()));
        assertThat(routed.statusCode()).isEqualTo(200);
        assertThat(body(routed).get("status").asString()).isEqualTo("PROCESSING");
        long stepId = 0;
        for (JsonNode s : body(routed).get("steps")) {
            if (s.get("kind").asString().equals("OPINION")) {
                stepId = s.get("id").asLong();
            }
        }
        var early = http.postJson(base + "/complete", "{\"result\": \"APPROVED\"}", "Authorization", as(o.medicalHead()));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(body(early).get("detail").asString()).contains("劳动就业中心");
        var opinion = http.postJson(base + "/opinions/" + stepId, "{\"agree\": true, \"opinion\": \"缴费记录核对无误\"}",
                "Authorization", as(o.employmentHead()));
        assertThat(opinion.statusCode()).isEqualTo(200);
        var review = http.postJson(base + "/review", "{\"pass\": true, \"note\": \"同意\"}", "Authorization", as(o.leader()));
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(http.postJson(base + "/complete", "{\"result\": \"APPROVED\"}", "Authorization", as(o.medicalHead()))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void dataScopeAndMasking() {
        CaseView c = CasesFixture.as(users, o.clerk(), () -> CasesFixture.accepted(cases, o, item));
        String path = "/api/v1/cases/" + c.number();
        OrgFixture.Org other = OrgFixture.create(orgCommands, accounts);
        var foreign = http.get(path, "Authorization", as(other.office()));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(http.get(path, "Authorization", as(o.employmentHead())).statusCode()).isEqualTo(404);
        assertThat(bytes(path + "/notices/receipt.pdf", as(other.office())).statusCode()).isEqualTo(404);

        JsonNode masked = body(http.get(path, "Authorization", as(o.supervisor())));
        assertThat(masked.get("applicant").get("idNumber").asString()).contains("*");
        assertThat(masked.get("applicant").get("mobile").asString())
                .isEqualTo(org.openhall.shared.Masking.mobile(c.applicant().mobile())).contains("****");
        assertThat(masked.toString()).doesNotContain(c.applicant().idNumber());
        long reads = jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA'").query(Long.class).single();
        JsonNode full = body(http.get(path, "Authorization", as(o.office())));
        assertThat(full.get("applicant").get("idNumber").asString()).isEqualTo(c.applicant().idNumber());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'READ_PERSONAL_DATA'").query(Long.class).single())
                .isEqualTo(reads + 1);
        var supervisorActs = http.postJson(path + "/suspend", "{\"reason\": \"HEARING\"}", "Authorization", as(o.supervisor()));
        assertThat(supervisorActs.statusCode()).isEqualTo(403);
    }

    @Test
    void parallelHttpIntakesNeverShareANumber() throws Exception {
        int n = 8;
        List<Thread> threads = new ArrayList<>();
        List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            String body = intakeJson(item.code(), OrgFixture.idNumber(o.n() * 10 + i, Gender.FEMALE),
                    "\"M01\",\"M02\",\"M03\",\"M04\"", "");
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answers.add(http.postJson("/api/v1/cases", body, "Authorization", as(o.clerk())));
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertThat(answers).hasSize(n).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        var numbers = new HashSet<String>();
        for (var r : answers) {
            numbers.add(body(r).get("number").asString());
        }
        assertThat(numbers).hasSize(n);
        assertThat(jdbc.sql("select last_seq from cas_number_sequence where centre_id = :c").param("c", o.centreId())
                .query(Integer.class).single()).isEqualTo(n);
    }

    @Test
    void theApplicantIsToldOfTheDecisionByMailSmsAndInSystemMessage() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        SMS.clear();
        CaseView c = CasesFixture.completed(cases, o, item, CaseResult.APPROVED);
        assertThat(MAIL.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(c.applicant().email());
        assertThat(mail.getSubject()).contains(item.name(), "准予");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).isNotBlank();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && jdbc.sql("select count(*) from ntf_message where inbox = :i")
                .param("i", "case:" + c.number()).query(Long.class).single() == 0) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select subject from ntf_message where inbox = :i").param("i", "case:" + c.number())
                .query(String.class).single()).contains(item.name());
        assertThat(jdbc.sql("select status from ntf_delivery where channel = 'SMS' and recipient = :m and body like :b")
                .param("m", c.applicant().mobile()).param("b", "%" + c.number() + "%").query(String.class).list())
                .containsExactly("SENT");
        assertThat(SMS).anySatisfy(s -> assertThat(s).contains(c.number()));
    }

    @Test
    void staffDownloadNoticesFromThePagesAndTheCentreOfficeUploadsTheSeal() throws Exception {
        CaseView c = CasesFixture.rejected(cases, o, item);
        var page = mvc.perform(get("/cases/" + c.number() + "/notices/rejection.pdf")
                        .with(user(users.loadUserByUsername(o.clerk()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(page.getContentType()).isEqualTo("application/pdf");
        assertThat(pdfText(page.getContentAsByteArray())).contains("不予受理通知书", "（印章）");
        mvc.perform(get("/cases/" + c.number() + "/notices/nonsense.pdf").with(user(users.loadUserByUsername(o.clerk()))))
                .andExpect(status().isNotFound());

        // the seal page: centre office only
        mvc.perform(get("/cases/settings/seal").with(user(users.loadUserByUsername(o.clerk())))).andExpect(status().isForbidden());
        String html = mvc.perform(get("/cases/settings/seal").with(user(users.loadUserByUsername(o.office()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("告知书印章与联系方式", "（印章）");
        var notPng = new MockMultipartFile("seal", "seal.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1});
        String refused = mvc.perform(multipart("/cases/settings/seal").file(notPng).param("centre", Long.toString(o.centreId()))
                        .with(user(users.loadUserByUsername(o.office()))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("印章须为 PNG 图片");
        var png = new MockMultipartFile("seal", "seal.png", "image/png", org.openhall.cases.internal.SealImages.transparentSeal());
        mvc.perform(multipart("/cases/settings/seal").file(png).param("centre", Long.toString(o.centreId()))
                        .param("agencyName", "清溪县人力资源和社会保障局").param("phone", "0797-5212351")
                        .with(user(users.loadUserByUsername(o.office()))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/settings/seal.png").param("centre", Long.toString(o.centreId()))
                .with(user(users.loadUserByUsername(o.office())))).andExpect(status().isOk());
        CaseView next = CasesFixture.rejected(cases, o, item);
        String text = pdfText(cases.notice(next.number(), NoticeKind.REJECTION).orElseThrow());
        assertThat(text).contains("清溪县人力资源和社会保障局", "0797-5212351").doesNotContain("（印章）");
        // the notice issued before keeps its placeholder (served as issued)
        assertThat(pdfText(cases.notice(c.number(), NoticeKind.REJECTION).orElseThrow())).contains("（印章）");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'CaseNoticeSettings' and centre_id = :c")
                .param("c", o.centreId()).query(Long.class).single()).isEqualTo(1);
    }
}
