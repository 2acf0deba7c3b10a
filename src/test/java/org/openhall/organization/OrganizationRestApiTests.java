package org.openhall.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.security.UserAccounts;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API under /api/v1/org: data scope, masking, RFC 9457 problem details, nothing written on errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganizationRestApiTests {

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

    @BeforeEach
    void setUp() {
        http = new Http(port);
        o = OrgFixture.create(commands, accounts);
    }

    String as(String user) {
        return Http.basic(user, OrgFixture.PASSWORD);
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    long staffCount() {
        return jdbc.sql("select count(*) from org_staff").query(Long.class).single();
    }

    String staffJson(long department, String number, String idNumber) {
        return """
                {"departmentId": %d, "staffNumber": "%s", "name": "孙悦", "gender": "FEMALE", "idNumber": "%s",
                 "mobile": "13912345678", "position": "窗口受理员", "employmentType": "REGULAR", "publicProfile": true}"""
                .formatted(department, number, idNumber);
    }

    @Test
    void listsCentresDepartmentsStaffAndWindowsWithPersonalDataMasked() {
        var centres = http.get("/api/v1/org/centres", "Authorization", as(o.office()));
        assertThat(centres.statusCode()).isEqualTo(200);
        assertThat(body(centres)).hasSize(1);
        assertThat(body(centres).get(0).get("code").asString()).isEqualTo(o.code());

        var departments = http.get("/api/v1/org/departments?centre=" + o.centreId(), "Authorization", as(o.admin()));
        assertThat(body(departments)).extracting(d -> d.get("name").asString()).containsExactly("医保中心", "劳动就业中心");

        var staff = http.get("/api/v1/org/staff", "Authorization", as(o.leader()));
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(body(staff)).hasSize(6);
        for (JsonNode s : body(staff)) {
            assertThat(s.get("idNumber").asString()).matches("\\d\\*{15}[0-9X]{2}");
            assertThat(s.get("mobile").asString()).matches("1\\d{2}\\*{4}\\d{4}");
        }
        String full = jdbc.sql("select id_number from org_staff where id = :id").param("id", o.medicalStaff()[0])
                .query(String.class).single();
        assertThat(staff.body()).doesNotContain(full);

        var windows = http.get("/api/v1/org/windows", "Authorization", as(o.clerk()));
        assertThat(windows.statusCode()).isEqualTo(200);
        JsonNode w = body(windows).get(0);
        assertThat(w.get("number").asString()).isEqualTo("5");
        assertThat(w.get("postA").get("name").asString()).isEqualTo("张伟");
        assertThat(w.get("postB").get("name").asString()).isEqualTo("陈晓燕");
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirDepartmentAndGets403Elsewhere() {
        var mine = http.get("/api/v1/org/staff", "Authorization", as(o.medicalHead()));
        assertThat(body(mine)).extracting(s -> s.get("departmentId").asLong()).containsOnly(o.medical());
        var other = http.get("/api/v1/org/staff/" + o.employmentStaff()[1], "Authorization", as(o.medicalHead()));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(body(other).get("detail").asString()).isEqualTo("您无权执行此操作");
        assertThat(body(other).get("detail_en").asString()).isNotBlank();

        long before = staffCount();
        var post = http.postJson("/api/v1/org/staff", staffJson(o.employment(), "JY20", OrgFixture.idNumber(900, Gender.FEMALE)),
                "Authorization", as(o.medicalHead()));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void windowStaffMayNotReadStaffRecords() {
        assertThat(http.get("/api/v1/org/staff", "Authorization", as(o.clerk())).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/org/staff").statusCode()).isEqualTo(401);
    }

    @Test
    void createsStaffAndWindows() {
        var created = http.postJson("/api/v1/org/staff", staffJson(o.medical(), "YB20", OrgFixture.idNumber(901, Gender.FEMALE)),
                "Authorization", as(o.office()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/org/staff/"));
        JsonNode s = body(created);
        assertThat(s.get("name").asString()).isEqualTo("孙悦");
        assertThat(s.get("mobile").asString()).isEqualTo("139****5678");

        var window = http.postJson("/api/v1/org/windows", """
                {"departmentId": %d, "number": "6", "name": "异地就医备案", "type": "ACCEPTANCE", "location": "一楼B区",
                 "services": ["异地就医备案"], "postAStaffId": %d, "postBStaffId": %d}"""
                .formatted(o.medical(), s.get("id").asLong(), o.medicalStaff()[0]), "Authorization", as(o.office()));
        assertThat(window.statusCode()).isEqualTo(201);
        assertThat(body(window).get("postA").get("name").asString()).isEqualTo("孙悦");
    }

    @Test
    void badInputIs400WithFieldErrorsInChineseAndEnglishAndNothingWritten() {
        long before = staffCount();
        String badId = OrgFixture.wrongCheckDigit(OrgFixture.idNumber(902, Gender.FEMALE));
        var r = http.postJson("/api/v1/org/staff", staffJson(o.medical(), "YB21", badId), "Authorization", as(o.office()));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = body(r);
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("type").asString()).isEqualTo("urn:openhall:problem:validation");
        assertThat(p.get("detail").asString()).isEqualTo("身份证号码校验位不正确，请核对");
        assertThat(p.get("detail_en").asString()).containsIgnoringCase("check");
        assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(staffCount()).isEqualTo(before);

        var several = http.postJson("/api/v1/org/staff", """
                {"departmentId": %d, "staffNumber": "", "name": "", "gender": "FEMALE", "mobile": "12345",
                 "employmentType": "REGULAR"}""".formatted(o.medical()), "Authorization", as(o.office()));
        assertThat(several.statusCode()).as(several.body()).isEqualTo(400);
        assertThat(body(several).get("errors")).extracting(e -> e.get("field").asString())
                .contains("staffNumber", "name", "mobile");
        assertThat(staffCount()).isEqualTo(before);

        var sameAB = http.postJson("/api/v1/org/windows", """
                {"departmentId": %d, "number": "7", "name": "报销", "type": "ACCEPTANCE",
                 "postAStaffId": %d, "postBStaffId": %d}""".formatted(o.medical(), o.medicalStaff()[0], o.medicalStaff()[0]),
                "Authorization", as(o.office()));
        assertThat(sameAB.statusCode()).as(sameAB.body()).isEqualTo(400);
        assertThat(sameAB.body()).as(sameAB.body()).contains("errors");
        assertThat(body(sameAB).get("errors").get(0).get("field").asString()).isEqualTo("postBStaffId");
        assertThat(body(sameAB).get("detail").asString()).isEqualTo("B角不能与A角为同一人");
    }

    long windowCount() {
        return jdbc.sql("select count(*) from org_window").query(Long.class).single();
    }

    HttpResponse<String> postWindow(String number, String services) {
        return http.postJson("/api/v1/org/windows", """
                {"departmentId": %d, "number": "%s", "name": "综合受理", "type": "GENERAL",
                 "postAStaffId": %d, "postBStaffId": %d, "services": %s}"""
                .formatted(o.medical(), number, o.medicalStaff()[0], o.medicalStaff()[2], services),
                "Authorization", as(o.office()));
    }

    @Test
    void badServicesOfAWindowAre400AndWriteNothing() {
        long before = windowCount();
        // a null entry used to end in a NullPointerException (500)
        var nullEntry = postWindow("20", "[null]");
        assertThat(nullEntry.statusCode()).as(nullEntry.body()).isEqualTo(400);
        assertThat(body(nullEntry).get("errors").get(0).get("field").asString()).isEqualTo("services[0]");
        assertThat(body(nullEntry).get("detail").asString()).isEqualTo("办理事项不能有空项");
        assertThat(body(nullEntry).get("detail_en").asString()).isEqualTo("A service must not be empty");

        // 25 services of 100 characters used to overflow the column (500)
        String longOnes = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "\"" + "事".repeat(100) + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        var tooLong = postWindow("21", longOnes);
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(body(tooLong).get("errors")).extracting(e -> e.get("message").asString())
                .containsOnly("办理事项最多 30 项，每项不超过 60 个字");

        String many = java.util.stream.IntStream.range(0, 31).mapToObj(i -> "\"事项" + i + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        var tooMany = postWindow("22", many);
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(body(tooMany).get("errors").get(0).get("field").asString()).isEqualTo("services");
        assertThat(body(tooMany).get("detail").asString()).isEqualTo("办理事项最多 30 项，每项不超过 60 个字");
        assertThat(windowCount()).isEqualTo(before);

        // the most that is allowed fits the column
        String most = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "\"" + "%02d".formatted(i) + "事".repeat(58) + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        var ok = postWindow("23", most);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(body(ok).get("services")).hasSize(30);
    }

    @Test
    void aDuplicateStaffOrWindowNumberIs409() {
        long before = staffCount();
        var dup = http.postJson("/api/v1/org/staff", staffJson(o.medical(), "YB01", OrgFixture.idNumber(903, Gender.FEMALE)),
                "Authorization", as(o.admin()));
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(body(dup).get("detail").asString()).contains("YB01");
        assertThat(body(dup).get("errors").get(0).get("field").asString()).isEqualTo("staffNumber");
        assertThat(staffCount()).isEqualTo(before);

        var dupWindow = http.postJson("/api/v1/org/windows", """
                {"departmentId": %d, "number": "5", "name": "重复", "type": "GENERAL",
                 "postAStaffId": %d, "postBStaffId": %d}""".formatted(o.medical(), o.medicalStaff()[0], o.medicalStaff()[2]),
                "Authorization", as(o.admin()));
        assertThat(dupWindow.statusCode()).isEqualTo(409);
    }
}
