package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue API over real HTTP (Q-1, Q-2, Q-5, SEC-1, SEC-4): a kiosk issues with its device token and can do nothing
 * else, a revoked token is refused (401); staff sign in and work only their own window; the public status needs the
 * printed code; bad input is an RFC 9457 problem in Chinese with nothing written (unknown service 404, closed hall 422,
 * calling from a window nobody signed in to 409, finishing twice 409); the API is in the OpenAPI document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class QueueApiTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    QueueFixture.Floor f;
    OrgFixture.Org o;
    String base;

    @BeforeEach
    void setUp() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        http = new Http(port);
        f = QueueFixture.create(orgCommands, accounts, services, 2);
        o = f.org();
        // the fixture's window 5 (medical department) calls service A; the clerk (张伟) holds its A post
        services.assign(o.windowId(), List.of(f.serviceA()), List.of(f.serviceB()));
        base = "/api/v1/queue/centres/" + o.code();
    }

    String basic(String user) {
        return Http.basic(user, OrgFixture.PASSWORD);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    String device(String kind, Long windowId) {
        HttpResponse<String> r = http.postJson(base + "/devices", """
                {"kind": "%s", "name": "一楼%s", "windowId": %s}""".formatted(kind, kind, windowId),
                "Authorization", basic(o.office()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String token = body(r).get("token").asString();
        assertThat(token).hasSize(43);
        assertThat(body(r).get("device").get("tokenHint").asString()).isEqualTo(token.substring(39));
        return token;
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        for (String t : List.of("q_ticket", "q_ticket_history", "q_counter", "q_event", "q_window_state", "q_session",
                "q_device")) {
            m.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return m;
    }

    HttpResponse<String> post(String path, String auth) {
        return http.postJson(path, "{}", "Authorization", auth);
    }

    @Test
    void aKioskIssuesWithItsTokenAndNothingElseAndARevokedTokenIsRefused() {
        String kiosk = device("KIOSK", null);
        String display = device("HALL_DISPLAY", null);
        // the token is stored only as its SHA-256
        assertThat(jdbc.sql("select count(*) from q_device where token_hash = :t").param("t", kiosk).query(Long.class)
                .single()).isZero();

        HttpResponse<String> issued = http.postJson(base + "/tickets", """
                {"serviceCode": "SB"}""", "Authorization", bearer(kiosk));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode t = body(issued);
        assertThat(t.get("ticket").get("number").asString()).isEqualTo("A001");
        assertThat(t.get("ticket").get("channel").asString()).isEqualTo("KIOSK");
        assertThat(t.get("peopleAhead").asInt()).isZero();
        String code = t.get("publicCode").asString();
        long id = t.get("ticket").get("id").asLong();
        assertThat(t.get("statusUrl").asString()).isEqualTo("/api/v1/public/tickets/" + id + "?code=" + code);
        assertThat(jdbc.sql("select actor from q_ticket_history where ticket_id = :t").param("t", id).query(String.class)
                .single()).startsWith("device:");

        // the public status with the printed code, no login; a wrong code is like an unknown ticket
        HttpResponse<String> status = http.get(t.get("statusUrl").asString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(body(status).get("number").asString()).isEqualTo("A001");
        assertThat(body(status).get("status").asString()).isEqualTo("WAITING");
        assertThat(status.body()).doesNotContain("publicCode").doesNotContain("priority");
        assertThat(http.get("/api/v1/public/tickets/" + id + "?code=AAAAAA").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/public/tickets/" + (id + 10_000) + "?code=" + code).statusCode()).isEqualTo(404);

        // a kiosk cannot call, a display cannot issue, a kiosk may not issue green-channel tickets
        Map<String, Long> before = counts();
        assertThat(post("/api/v1/queue/windows/" + o.windowId() + "/call-next", bearer(kiosk)).statusCode()).isEqualTo(403);
        assertThat(http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\"}", "Authorization", bearer(display))
                .statusCode()).isEqualTo(403);
        assertThat(http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\", \"priority\": \"GREEN_CHANNEL\"}",
                "Authorization", bearer(kiosk)).statusCode()).isEqualTo(400);
        assertThat(http.postJson(base + "/devices", "{\"kind\": \"KIOSK\", \"name\": \"x\"}", "Authorization", bearer(kiosk))
                .statusCode()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
        // displays read the windows and services of their own centre
        HttpResponse<String> windows = http.get(base + "/windows", "Authorization", bearer(display));
        assertThat(windows.statusCode()).isEqualTo(200);
        assertThat(body(windows).size()).isEqualTo(3);
        assertThat(http.get(base + "/services", "Authorization", bearer(display)).body()).contains("社保登记与参保");

        // revoked: 401 from now on
        long deviceId = jdbc.sql("select id from q_device where token_hint = :h and centre_id = :c")
                .param("h", kiosk.substring(39)).param("c", o.centreId()).query(Long.class).single();
        assertThat(post("/api/v1/queue/devices/" + deviceId + "/revoke", basic(o.clerk())).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/queue/devices/" + deviceId + "/revoke", basic(o.office())).statusCode()).isEqualTo(204);
        HttpResponse<String> refused = http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\"}", "Authorization",
                bearer(kiosk));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(post(base + "/tickets", "Bearer not-a-token").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'QueueDevice' and entity_id = :id")
                .param("id", Long.toString(deviceId)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void staffWorkTheirOwnWindowAndBadInputIsAProblemWithNothingWritten() {
        String window = "/api/v1/queue/windows/" + o.windowId();
        HttpResponse<String> t1 = http.postJson(base + "/tickets", "{\"serviceId\": " + f.serviceA() + "}",
                "Authorization", basic(o.clerk()));
        assertThat(t1.statusCode()).as(t1.body()).isEqualTo(201);
        assertThat(body(t1).get("ticket").get("channel").asString()).isEqualTo("STAFF");

        Map<String, Long> before = counts();
        HttpResponse<String> nobody = post(window + "/call-next", basic(o.clerk()));
        assertThat(nobody.statusCode()).isEqualTo(409);
        assertThat(body(nobody).get("detail").asString()).isEqualTo("5 号窗口无人签到，不能叫号");
        assertThat(body(nobody).get("type").asString()).isEqualTo("urn:openhall:problem:conflict");
        assertThat(counts()).isEqualTo(before);

        // a head of another department may not work this window; the clerk signs in
        assertThat(post(window + "/sign-in", basic(o.employmentHead())).statusCode()).isEqualTo(403);
        HttpResponse<String> in = post(window + "/sign-in", basic(o.clerk()));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(body(in).get("status").asString()).isEqualTo("IDLE");
        assertThat(body(in).get("staffName").asString()).isEqualTo("张伟");
        // the centre office is not the person signed in: it may not call here
        assertThat(post(window + "/call-next", basic(o.office())).statusCode()).isEqualTo(403);

        HttpResponse<String> called = post(window + "/call-next", basic(o.clerk()));
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(body(called).get("number").asString()).isEqualTo("A001");
        assertThat(body(called).get("status").asString()).isEqualTo("CALLED");
        assertThat(body(called).get("windowNumber").asString()).isEqualTo("5");
        assertThat(post(window + "/recall", basic(o.clerk())).statusCode()).isEqualTo(200);
        assertThat(post(window + "/start", basic(o.clerk())).statusCode()).isEqualTo(200);

        HttpResponse<String> noTarget = http.postJson(window + "/transfer", "{\"note\": \"转医保\"}", "Authorization",
                basic(o.clerk()));
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(body(noTarget).get("errors").get(0).get("field").asString()).isEqualTo("toServiceId");
        assertThat(http.postJson(window + "/finish", "{\"caseNumber\": \"不是编号\"}", "Authorization", basic(o.clerk()))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> done = http.postJson(window + "/finish", "{\"caseNumber\": \"" + o.code() + "-20260928-0001\"}",
                "Authorization", basic(o.clerk()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(body(done).get("status").asString()).isEqualTo("DONE");
        before = counts();
        HttpResponse<String> twice = post(window + "/finish", basic(o.clerk()));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(body(twice).get("detail").asString()).contains("没有正在办理的号票");
        assertThat(body(twice).get("detail_en").asString()).contains("no ticket in service");
        assertThat(counts()).isEqualTo(before);
        assertThat(post(window + "/call-next", basic(o.clerk())).statusCode()).as("nobody waits").isEqualTo(204);

        // pause with a reason of the list and minutes; a made-up reason is a 400 naming the field
        HttpResponse<String> badPause = http.postJson(window + "/pause", "{\"reason\": \"外出\", \"minutes\": 10}",
                "Authorization", basic(o.clerk()));
        assertThat(badPause.statusCode()).isEqualTo(400);
        assertThat(body(badPause).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        HttpResponse<String> paused = http.postJson(window + "/pause", "{\"reason\": \"会议\", \"minutes\": 10}",
                "Authorization", basic(o.clerk()));
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(body(paused).get("status").asString()).isEqualTo("PAUSED");
        assertThat(Instant.parse(body(paused).get("pauseUntil").asString()))
                .isEqualTo(QueueFixture.CLOCK.instant().plusSeconds(600));
        assertThat(post(window + "/resume", basic(o.clerk())).statusCode()).isEqualTo(200);
        // the centre office may sign a forgotten window out
        assertThat(post(window + "/sign-out", basic(o.office())).statusCode()).isEqualTo(200);
        HttpResponse<String> list = http.get(base + "/windows", "Authorization", basic(o.supervisor()));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"SIGNED_OUT\"");
    }

    @Test
    void unknownServiceClosedHallAndMalformedInput() {
        Map<String, Long> before = counts();
        HttpResponse<String> unknown = http.postJson(base + "/tickets", "{\"serviceCode\": \"NOPE\"}", "Authorization",
                basic(o.clerk()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).get("detail").asString()).isEqualTo("未找到该排队业务");
        assertThat(http.postJson(base + "/tickets", "{\"serviceId\": 99999999}", "Authorization", basic(o.clerk()))
                .statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/queue/centres/NOPE/tickets", "{\"serviceCode\": \"SB\"}", "Authorization",
                basic(o.clerk())).statusCode()).isEqualTo(404);
        assertThat(http.postJson(base + "/tickets", "{\"serviceCode\": ", "Authorization", basic(o.clerk())).statusCode())
                .isEqualTo(400);
        assertThat(http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\", \"priority\": \"APPOINTMENT\"}",
                "Authorization", basic(o.clerk())).statusCode()).isEqualTo(400);
        HttpResponse<String> noReason = http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\", \"priority\": \"SPECIAL\"}",
                "Authorization", basic(o.clerk()));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(body(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\"}").statusCode()).as("no login").isEqualTo(401);

        QueueFixture.CLOCK.set(Instant.parse("2026-10-01T02:00:00Z")); // 国庆节
        HttpResponse<String> holiday = http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\"}", "Authorization",
                basic(o.clerk()));
        assertThat(holiday.statusCode()).isEqualTo(422);
        assertThat(body(holiday).get("detail").asString()).isEqualTo("2026-10-01 不是本中心的工作日，大厅不开放取号");
        QueueFixture.CLOCK.set(Instant.parse("2026-09-28T00:00:00Z")); // 08:00 in the centre
        HttpResponse<String> early = http.postJson(base + "/tickets", "{\"serviceCode\": \"SB\"}", "Authorization",
                basic(o.clerk()));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(body(early).get("detail").asString()).contains("08:30").contains("17:30");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theApiIsDocumented() {
        HttpResponse<String> doc = http.get("/api/v1/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/queue/centres/{code}/tickets", "/api/v1/queue/windows/{windowId}/call-next",
                "/api/v1/queue/windows/{windowId}/transfer", "/api/v1/public/tickets/{id}", "Queue (排队叫号)");
    }
}
