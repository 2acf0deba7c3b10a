package org.openhall.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.catalog.internal.CatalogService;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CAT-1..3 over HTTP: the public catalogue API and guide pages without login, staff POST/PUT with HTTP Basic,
 * RFC 9457 problems (400/401/403/404/409) with nothing written, and old versions kept readable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApiTests {

    @LocalServerPort
    int port;

    @Autowired
    CatalogCommands commands;

    @Autowired
    CatalogService service;

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        o = OrgFixture.create(org, accounts);
    }

    String as(String user) {
        return Http.basic(user, OrgFixture.PASSWORD);
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    long versions() {
        return jdbc.sql("select count(*) from cat_item_version").query(Long.class).single();
    }

    HttpResponse<String> put(String path, String body, String auth) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", auth)
                    .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String itemJson(String code, String name, int statutory, int committed, String amount) {
        return """
                {"centre": "%s", "code": "%s", "name": "%s", "department": "YB", "windows": ["5"], "type": "COMMITTED",
                 "legalBasis": "《中华人民共和国社会保险法》第二十九条", "conditions": "参保人员在异地长期居住",
                 "outcome": "备案成功，可在备案地直接结算", "consultPhone": "0797-5212351",
                 "steps": ["窗口受理", "审核", "办结"], "statutoryLimitDays": %d, "committedLimitDays": %d,
                 "online": true, "appointment": true, "greenChannel": false,
                 "materials": [
                   {"code": "M01", "name": "居民身份证", "requirement": "REQUIRED", "form": "原件", "copies": 1},
                   {"code": "M02", "name": "异地就医备案登记表", "requirement": "REQUIRED", "form": "原件", "copies": 1, "notes": "填写备案地"},
                   {"code": "M03", "name": "居住证明", "requirement": "DEFERRABLE", "form": "复印件", "copies": 1}],
                 "fees": [{"code": "F01", "name": "证明工本费", "amount": %s, "basis": "物价部门核定"}]}"""
                .formatted(o.code(), code, name, statutory, committed, amount);
    }

    @Test
    void thePublicReadsTheCatalogueWithoutLogin() {
        ItemVersion committed = CatalogFixture.committed(commands, o);
        ItemVersion instant = CatalogFixture.instant(commands, o);
        ItemVersion joint = CatalogFixture.joint(commands, o);

        var all = http.get("/api/v1/catalog/items?centre=" + o.code());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(body(all)).extracting(n -> n.get("code").asString())
                .containsExactlyInAnyOrder(committed.code(), instant.code(), joint.code());
        assertThat(all.body()).doesNotContain(o.office()).doesNotContain("createdBy");

        var q = http.get("/api/v1/catalog/items?centre=" + o.code() + "&q=" + java.net.URLEncoder.encode("慢特病", StandardCharsets.UTF_8));
        assertThat(body(q)).extracting(n -> n.get("code").asString()).containsExactly(committed.code());
        // the joint item counts for its assisting department too
        var employment = http.get("/api/v1/catalog/items?centre=" + o.code() + "&department=JY");
        assertThat(body(employment)).extracting(n -> n.get("code").asString()).containsExactly(joint.code());

        var one = http.get("/api/v1/catalog/items/" + committed.code() + "?centre=" + o.code());
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode item = body(one);
        assertThat(item.get("name").asString()).isEqualTo("门诊慢特病待遇认定");
        assertThat(item.get("department").get("name").asString()).isEqualTo("医保中心");
        assertThat(item.get("windows").get(0).get("number").asString()).isEqualTo("5");
        assertThat(item.get("statutoryLimitDays").asInt()).isEqualTo(20);
        assertThat(item.get("committedLimitDays").asInt()).isEqualTo(10);
        assertThat(item.get("materials")).hasSize(5);
        assertThat(item.get("fees").get(0).get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(item.get("guideUrl").asString()).isEqualTo("/public/centres/" + o.code() + "/catalog/" + committed.code());

        var openapi = http.get("/api/v1/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/catalog/items/{code}", "/api/v1/catalog/versions/{versionId}");

        var unknownCentre = http.get("/api/v1/catalog/items?centre=NOPE");
        assertThat(unknownCentre.statusCode()).isEqualTo(404);
        assertThat(unknownCentre.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/catalog/items/NOPE?centre=" + o.code()).statusCode()).isEqualTo(404);
    }

    @Test
    void theCentreOfficeCreatesAndRevisesItemsAndOldVersionsStay() {
        String code = CatalogFixture.code();
        var created = http.postJson("/api/v1/catalog/items", itemJson(code, "基本医疗保险异地就医备案", 15, 5, "5.00"),
                "Authorization", as(o.office()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/catalog/items/" + code + "?centre=" + o.code());
        JsonNode v1 = body(created);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("materials").get(2).get("requirement").asString()).isEqualTo("DEFERRABLE");

        var revised = put("/api/v1/catalog/items/" + code + "?centre=" + o.code(),
                itemJson(code, "基本医疗保险跨省异地就医备案", 15, 3, "0").replace("\"fees\": [", "\"changeNote\": \"承诺时限缩短\", \"fees\": ["),
                as(o.office()));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        JsonNode v2 = body(revised);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("committedLimitDays").asInt()).isEqualTo(3);

        var current = body(http.get("/api/v1/catalog/items/" + code + "?centre=" + o.code()));
        assertThat(current.get("name").asString()).isEqualTo("基本医疗保险跨省异地就医备案");
        var old = http.get("/api/v1/catalog/versions/" + v1.get("versionId").asLong());
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(body(old).get("name").asString()).isEqualTo("基本医疗保险异地就医备案");
        assertThat(body(old).get("current").asBoolean()).isFalse();
        assertThat(body(old).get("committedLimitDays").asInt()).isEqualTo(5);
        assertThat(body(http.get("/api/v1/catalog/items/" + code + "?centre=" + o.code() + "&version=1")).get("versionId").asLong())
                .isEqualTo(v1.get("versionId").asLong());
        var history = body(http.get("/api/v1/catalog/items/" + code + "/versions?centre=" + o.code()));
        assertThat(history).extracting(n -> n.get("version").asInt()).containsExactly(2, 1);
        assertThat(history.get(0).get("changeNote").asString()).isEqualTo("承诺时限缩短");
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        long before = versions();
        String code = CatalogFixture.code();

        var anonymous = http.postJson("/api/v1/catalog/items", itemJson(code, "事项", 15, 5, "0"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var clerk = http.postJson("/api/v1/catalog/items", itemJson(code, "事项", 15, 5, "0"), "Authorization", as(o.clerk()));
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(body(clerk).get("detail").asString()).isEqualTo("您无权执行此操作");
        OrgFixture.Org other = OrgFixture.create(org, accounts);
        var foreign = http.postJson("/api/v1/catalog/items", itemJson(code, "事项", 15, 5, "0"), "Authorization",
                as(other.office()));
        assertThat(foreign.statusCode()).isEqualTo(403);

        var tooLong = http.postJson("/api/v1/catalog/items", itemJson(code, "事项", 10, 12, "0"), "Authorization",
                as(o.office()));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        JsonNode problem = body(tooLong);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("committedLimitDays");
        assertThat(problem.get("detail").asString()).isEqualTo("承诺时限（12个工作日）不能超过法定时限（10个工作日）");
        assertThat(problem.get("detail_en").asString()).contains("must not exceed");

        var money = http.postJson("/api/v1/catalog/items", itemJson(code, "事项", 15, 5, "10.001"), "Authorization",
                as(o.office()));
        assertThat(money.statusCode()).isEqualTo(400);
        assertThat(body(money).get("errors").get(0).get("field").asString()).isEqualTo("fees[0].amount");

        var window = http.postJson("/api/v1/catalog/items", itemJson(code, "事项", 15, 5, "0").replace("[\"5\"]", "[\"99\"]"),
                "Authorization", as(o.office()));
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(body(window).get("errors").get(0).get("field").asString()).isEqualTo("windows[0]");

        var duplicateMaterial = http.postJson("/api/v1/catalog/items",
                itemJson(code, "事项", 15, 5, "0").replace("\"code\": \"M02\"", "\"code\": \"M01\""), "Authorization",
                as(o.office()));
        assertThat(duplicateMaterial.statusCode()).isEqualTo(400);
        assertThat(body(duplicateMaterial).get("errors").get(0).get("field").asString()).isEqualTo("materials[1].code");

        ItemVersion existing = CatalogFixture.instant(commands, o);
        long withExisting = versions();
        var taken = http.postJson("/api/v1/catalog/items", itemJson(existing.code(), "事项", 15, 5, "0"), "Authorization",
                as(o.office()));
        assertThat(taken.statusCode()).isEqualTo(409);
        var foreignPut = put("/api/v1/catalog/items/" + existing.code() + "?centre=" + o.code(),
                itemJson(existing.code(), "事项", 15, 5, "0"), as(other.office()));
        assertThat(foreignPut.statusCode()).isEqualTo(403);
        var unknownPut = put("/api/v1/catalog/items/NOPE-1?centre=" + o.code(), itemJson("NOPE-1", "事项", 15, 5, "0"),
                as(o.office()));
        assertThat(unknownPut.statusCode()).isEqualTo(404);
        var renamed = put("/api/v1/catalog/items/" + existing.code() + "?centre=" + o.code(),
                itemJson("OTHER-CODE", "事项", 15, 5, "0"), as(o.office()));
        assertThat(renamed.statusCode()).isEqualTo(400);

        assertThat(withExisting).isEqualTo(before + 1);
        assertThat(versions()).isEqualTo(withExisting);
        assertThat(jdbc.sql("select count(*) from cat_item where code = :c").param("c", code).query(Long.class).single())
                .isZero();
    }

    @Test
    void thePublicGuidePageShowsEverythingAnApplicantNeeds() throws Exception {
        ItemVersion committed = CatalogFixture.committed(commands, o);
        byte[] pdf = "%PDF-1.4 sample".getBytes(StandardCharsets.US_ASCII);
        long sample = service.uploadSample(committed.itemId(), "M02", "申请表样表.pdf", pdf);

        var page = http.get("/public/centres/" + o.code() + "/catalog/" + committed.code());
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("h1").text()).isEqualTo("门诊慢特病待遇认定 办事指南");
        String basics = doc.select("table.guide-table").first().text();
        assertThat(basics).contains("承办部门 医保中心", "5号窗口 医保参保登记", "事项类型 承诺件", "法定时限 20个工作日",
                "承诺时限 10个工作日", "加急时限 5个工作日", "网上办理：否；预约办理：是；绿色通道：是", "咨询电话 0797-5212351");
        assertThat(doc.text()).contains("《中华人民共和国社会保险法》第二十八条", "经二级及以上定点医院确诊");
        var rows = doc.select("table.materials tbody tr");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).text()).contains("居民身份证或社会保障卡", "必交", "原件");
        assertThat(rows.get(3).text()).contains("近期检查检验报告", "容缺后补", "复印件");
        assertThat(rows.get(4).text()).contains("非必交");
        assertThat(rows.get(1).select("a").attr("href")).isEqualTo("/public/catalog/samples/" + sample);
        assertThat(doc.select("ol.steps li")).hasSize(4);
        assertThat(doc.text()).contains("病历资料复印工本费", "10.00元");
        assertThat(doc.select("[data-print]").text()).isEqualTo("打印");
        assertThat(doc.text()).doesNotContain(o.office());

        var download = http.get("/public/catalog/samples/" + sample);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");

        ItemVersion instant = CatalogFixture.instant(commands, o);
        Document free = Jsoup.parse(http.get("/public/centres/" + o.code() + "/catalog/" + instant.code()).body());
        assertThat(free.select("p.free").text()).isEqualTo("不收费");
        assertThat(free.select("table.guide-table").first().text()).contains("承诺时限 即时办结（当场办结）");

        Document list = Jsoup.parse(http.get("/public/centres/" + o.code() + "/catalog").body());
        assertThat(list.select(".dept-group h2").eachText()).containsExactly("医保中心");
        assertThat(list.select(".dept-group a").eachText()).contains("门诊慢特病待遇认定", "城乡居民基本医疗保险参保登记");
        Document searched = Jsoup.parse(http.get("/public/centres/" + o.code() + "/catalog?q="
                + java.net.URLEncoder.encode("参保", StandardCharsets.UTF_8)).body());
        assertThat(searched.select(".dept-group a").eachText()).containsExactly("城乡居民基本医疗保险参保登记");

        var guidePdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/public/centres/" + o.code() + "/catalog/" + committed.code() + "/guide.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(guidePdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(guidePdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("门诊慢特病待遇认定 办事指南", "20个工作日", "10个工作日", "二级及以上定点医院诊断证明",
                    "10.00元");
        }

        Document english = Jsoup.parse(http.get("/public/centres/" + o.code() + "/catalog/" + committed.code() + "?lang=en").body());
        assertThat(english.select("h1").text()).isEqualTo("Guide: 门诊慢特病待遇认定");
        assertThat(english.select("table.guide-table").first().text()).contains("Committed limit 10 working days");

        commands.deactivate(instant.itemId());
        assertThat(http.get("/public/centres/" + o.code() + "/catalog/" + instant.code()).statusCode()).isEqualTo(404);
        var kept = http.get("/public/catalog/versions/" + instant.versionId());
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(kept.body()).text()).contains("该事项已停止办理");
    }
}
