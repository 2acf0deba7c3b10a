package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The device pages opened with a token from the centre office: the kiosk (Q-1, Q-3, Q-6: services with waiting counts,
 * special groups but no green channel, the printed ticket with its QR code, a closed hall, a reached cap, an unknown
 * service), the rating pad (Q-8, FB-1: idle, the five levels after a finish, once per ticket) and its API; issuing and
 * revoking devices on the settings page. An unknown, revoked or wrong-kind token is a 404 and writes nothing.
 */
class DevicePagesTests extends QueueFixture.FloorTestBase {

    @Autowired
    Devices devices;

    @LocalServerPort
    int port;

    String kiosk;
    String pad;

    @BeforeEach
    void setUp() {
        openFloorWithPages(2);
        kiosk = devices.issue(f.centreId(), DeviceKind.KIOSK, "一楼取号机", null).token();
        pad = devices.issue(f.centreId(), DeviceKind.RATING_PAD, "10号窗口评价器", w0).token();
    }

    long tickets() {
        return jdbc.sql("select count(*) from q_ticket where centre_id = :c").param("c", f.centreId())
                .query(Long.class).single();
    }

    MockHttpServletResponse take(String token, String... params) throws Exception {
        MockHttpServletRequestBuilder b = post("/devices/" + token + "/kiosk/tickets");
        for (int i = 0; i + 1 < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        return perform(b);
    }

    // ---- kiosk -----------------------------------------------------------------------------------------------------

    @Test
    void theKioskOffersTheServicesAndPrintsATicketWithItsQrCode() throws Exception {
        desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.STAFF), "test");
        Document start = html(perform(get("/devices/" + kiosk + "/kiosk")));
        assertThat(start.select(".service-tile .name").eachText()).containsExactly("社保登记与参保", "医疗保险");
        assertThat(start.select(".service-tile").first().select(".waiting").text()).isEqualTo("等候 1 人");
        assertThat(start.select(".kiosk-closed")).isEmpty();
        assertThat(start.select("link[href$=fonts.css]")).hasSize(1);
        assertThat(start.select("script[src^=http], link[href^=http]")).isEmpty();

        Document service = html(perform(get("/devices/" + kiosk + "/kiosk/services/" + f.serviceA())));
        assertThat(service.select(".special-buttons button").eachText()).containsExactly("老年人", "残疾人", "孕妇", "军人");
        assertThat(service.text()).doesNotContain("绿色通道".substring(0, 4) + "取号");

        MockHttpServletResponse issued = take(kiosk, "serviceId", String.valueOf(f.serviceA()));
        assertThat(issued.getRedirectedUrl()).startsWith("/devices/" + kiosk + "/kiosk/tickets/").endsWith("?new=1");
        Document ticket = html(perform(get(issued.getRedirectedUrl())));
        assertThat(ticket.select(".ticket-slip .slip-number").text()).isEqualTo("A002");
        assertThat(ticket.select(".ticket-slip .slip-service").text()).isEqualTo("社保登记与参保");
        assertThat(ticket.select(".slip-ahead").text()).isEqualTo("1 人");
        assertThat(ticket.select(".slip-wait").text()).startsWith("约 ").endsWith(" 分钟");
        assertThat(ticket.select(".slip-qr img").attr("src")).startsWith("data:image/png;base64,");
        assertThat(ticket.select("html").hasClass("paper-80")).isTrue();
        assertThat(ticket.select("body").attr("data-autoprint")).isEqualTo("true");
        assertThat(ticket.select("body").attr("data-return")).isEqualTo("30");
        long id = Long.parseLong(issued.getRedirectedUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));
        QueueDesk.TicketView t = desk.ticket(id).orElseThrow();
        assertThat(t.channel()).isEqualTo(TicketChannel.KIOSK);
        assertThat(t.priority()).isEqualTo(PriorityClass.ORDINARY);
        assertThat(ticket.select(".slip-code").text()).contains(t.publicCode());

        // A4, reprinted without printing again automatically
        Document a4 = html(perform(get("/devices/" + kiosk + "/kiosk/tickets/" + id + "?paper=a4")));
        assertThat(a4.select("html").hasClass("paper-a4")).isTrue();
        assertThat(a4.select("body").attr("data-autoprint")).isEqualTo("false");

        // a special group: a SPECIAL ticket with its reason
        MockHttpServletResponse elderly = take(kiosk, "serviceId", String.valueOf(f.serviceB()), "reason", "ELDERLY");
        long eid = Long.parseLong(elderly.getRedirectedUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));
        assertThat(desk.ticket(eid).orElseThrow().reason()).isEqualTo(PriorityReason.ELDERLY);
        assertThat(desk.ticket(eid).orElseThrow().priority()).isEqualTo(PriorityClass.SPECIAL);

        // the kiosk shows only its centre's recent tickets
        QueueFixture.CLOCK.advance(Duration.ofMinutes(11));
        assertThat(perform(get("/devices/" + kiosk + "/kiosk/tickets/" + id)).getStatus()).isEqualTo(404);
    }

    @Test
    void badInputAtTheKioskIsAClearMessageAndIssuesNothing() throws Exception {
        // the green channel is given by staff only: not a kiosk choice
        assertThat(take(kiosk, "serviceId", String.valueOf(f.serviceA()), "reason", "GREEN_CHANNEL").getStatus())
                .isEqualTo(400);
        // an unknown service, another centre's service
        MockHttpServletResponse unknown = take(kiosk, "serviceId", "987654321");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(html(unknown).select(".message-text").text()).isEqualTo("该业务不存在或已停办");
        QueueFixture.Floor other = QueueFixture.create(orgCommands, accounts, services, 1);
        assertThat(take(kiosk, "serviceId", String.valueOf(other.serviceA())).getStatus()).isEqualTo(404);
        assertThat(perform(get("/devices/" + kiosk + "/kiosk/services/" + other.serviceA())).getStatus()).isEqualTo(404);
        assertThat(tickets()).isZero();

        // a daily cap reached
        long capped = services.create(QueueFixture.service(f.centreId(), "GJJ", "公积金", "C", 1, 999, 1)).id();
        assertThat(take(kiosk, "serviceId", String.valueOf(capped)).getRedirectedUrl()).isNotNull();
        MockHttpServletResponse full = take(kiosk, "serviceId", String.valueOf(capped));
        assertThat(full.getStatus()).isEqualTo(409);
        assertThat(html(full).select(".message-text").text()).contains("今日号票已取完");
        assertThat(html(full).select("body").attr("data-return")).isEqualTo("30");
        assertThat(tickets()).isEqualTo(1);

        // the hall closed: at 18:00, and on a Sunday
        QueueFixture.CLOCK.set(Instant.parse("2026-09-28T10:00:00Z"));
        Document start = html(perform(get("/devices/" + kiosk + "/kiosk")));
        assertThat(start.select(".kiosk-closed").text()).contains("当前不在取号时间", "08:30", "17:30");
        MockHttpServletResponse closed = take(kiosk, "serviceId", String.valueOf(f.serviceA()));
        assertThat(closed.getStatus()).isEqualTo(422);
        assertThat(html(closed).select(".message-text").text()).contains("不在大厅开放时间");
        QueueFixture.CLOCK.set(Instant.parse("2026-09-27T02:00:00Z"));
        MockHttpServletResponse sunday = take(kiosk, "serviceId", String.valueOf(f.serviceA()));
        assertThat(sunday.getStatus()).isEqualTo(422);
        assertThat(html(sunday).select(".message-text").text()).contains("不是本中心的工作日");
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void unknownRevokedOrWrongKindTokensGetTheDevicePage404() throws Exception {
        MockHttpServletResponse unknown = perform(get("/devices/not-a-token/kiosk"));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(html(unknown).select(".message-text").text()).isEqualTo("设备未登记或已停用");
        assertThat(perform(get("/devices/" + pad + "/kiosk")).getStatus()).isEqualTo(404);
        assertThat(perform(get("/devices/" + kiosk + "/rating")).getStatus()).isEqualTo(404);
        assertThat(take(pad, "serviceId", String.valueOf(f.serviceA())).getStatus()).isEqualTo(404);
        long id = devices.devices(f.centreId()).stream().filter(d -> d.kind() == DeviceKind.KIOSK).findFirst()
                .orElseThrow().id();
        devices.revoke(id);
        assertThat(perform(get("/devices/" + kiosk + "/kiosk")).getStatus()).isEqualTo(404);
        assertThat(take(kiosk, "serviceId", String.valueOf(f.serviceA())).getStatus()).isEqualTo(404);
        assertThat(tickets()).isZero();
    }

    @Autowired
    org.openhall.queue.internal.Appointments appointments;

    @Test
    void aBookingIsCheckedInAtTheKioskOnceAndBadInputIsShownOnThePage() throws Exception {
        AppointmentFixture.Hall h = AppointmentFixture.create(orgCommands, accounts, services, appointments, 2);
        String k = devices.issue(h.centreId(), DeviceKind.KIOSK, "取号机", null).token();
        var slot = AppointmentFixture.slot(appointments, h, java.time.LocalDate.of(2026, 9, 28), java.time.LocalTime.of(10, 30));
        var booking = AppointmentFixture.book(appointments, h, slot, AppointmentFixture.person());

        Document start = html(perform(get("/devices/" + k + "/kiosk")));
        assertThat(start.select(".check-in-tile").attr("href")).isEqualTo("/devices/" + k + "/kiosk/check-in");
        Document form = html(perform(get("/devices/" + k + "/kiosk/check-in")));
        assertThat(form.select(".keyboard .key[data-key]")).hasSize(36);
        assertThat(form.select("input[name=code]")).hasSize(1);

        MockHttpServletResponse bad = perform(post("/devices/" + k + "/kiosk/check-in").param("code", "12"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(html(bad).select(".check-in-error").text()).isEqualTo("请输入 8 位预约码或 18 位身份证号码");

        MockHttpServletResponse in = perform(post("/devices/" + k + "/kiosk/check-in")
                .param("code", booking.displayCode().toLowerCase(java.util.Locale.ROOT)));
        assertThat(in.getRedirectedUrl()).startsWith("/devices/" + k + "/kiosk/tickets/");
        long id = Long.parseLong(in.getRedirectedUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));
        QueueDesk.TicketView t = desk.ticket(id).orElseThrow();
        assertThat(t.priority()).isEqualTo(PriorityClass.APPOINTMENT);
        assertThat(html(perform(get(in.getRedirectedUrl()))).select(".slip-number").text()).isEqualTo(t.number());

        MockHttpServletResponse again = perform(post("/devices/" + k + "/kiosk/check-in")
                .param("code", booking.displayCode()));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(html(again).select(".check-in-error").text()).isEqualTo("该预约已签到取号");
        assertThat(jdbc.sql("select count(*) from q_ticket where centre_id = :c").param("c", h.centreId())
                .query(Long.class).single()).isEqualTo(1);
    }

    // ---- rating pad ----------------------------------------------------------------------------------------------

    long servedAtW0() {
        desk.signIn(w0, f.staff()[0], "test");
        desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "test");
        long id = desk.callNext(w0, "test").orElseThrow().id();
        desk.finish(w0, null, "test");
        return id;
    }

    @Test
    void theRatingPadOffersTheFiveLevelsAfterAFinishAndAcceptsOneRating() throws Exception {
        Document idle = html(perform(get("/devices/" + pad + "/rating")));
        assertThat(idle.select(".pad-idle .idle-welcome").text()).isEqualTo("您好，欢迎监督评价");
        assertThat(idle.select(".pad-idle").attr("hx-trigger")).isEqualTo("every 2000ms, rating-requested from:body");
        assertThat(idle.select(".pad-idle").attr("hx-get")).isEqualTo("/devices/" + pad + "/rating/pending");
        assertThat(html(perform(get("/devices/" + pad + "/rating/pending"))).select(".pad-idle")).hasSize(1);

        long t = servedAtW0();
        Document form = html(perform(get("/devices/" + pad + "/rating/pending")));
        assertThat(form.select(".pad-form input[name=ticketId]").val()).isEqualTo(String.valueOf(t));
        assertThat(form.select(".level-name").eachText()).containsExactly("非常满意", "满意", "基本满意", "不满意", "非常不满意");
        assertThat(form.select(".pad-ticket").text()).contains("A001", "社保登记与参保", "窗口员0");
        assertThat(form.select(".reasons .reason").eachText()).contains("等候时间长", "服务态度差");

        MockHttpServletResponse rated = perform(post("/devices/" + pad + "/rating").header("HX-Request", "true")
                .param("ticketId", String.valueOf(t)).param("level", "VERY_DISSATISFIED")
                .param("reasons", "等候时间长").param("reasons", "服务态度差").param("comment", "等了很久"));
        Document done = html(rated);
        assertThat(done.select(".pad-result h1").text()).isEqualTo("感谢您的评价！");
        assertThat(done.select(".pad-result").attr("hx-trigger")).isEqualTo("load delay:5000ms");
        assertThat(jdbc.sql("select reasons from q_rating where ticket_id = :t").param("t", t).query(String.class).single())
                .isEqualTo("等候时间长,服务态度差");

        MockHttpServletResponse again = perform(post("/devices/" + pad + "/rating")
                .param("ticketId", String.valueOf(t)).param("level", "VERY_SATISFIED"));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(html(again).select(".pad-error").text()).isEqualTo("该次服务已评价");
        assertThat(html(perform(get("/devices/" + pad + "/rating/pending"))).select(".pad-idle")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from q_rating where ticket_id = :t").param("t", t).query(Long.class).single())
                .isEqualTo(1);

        // no level: asked again, nothing written
        long t2 = servedAtW0();
        MockHttpServletResponse noLevel = perform(post("/devices/" + pad + "/rating").param("ticketId", String.valueOf(t2)));
        assertThat(noLevel.getStatus()).isEqualTo(400);
        assertThat(html(noLevel).select(".pad-error").text()).isEqualTo("请选择评价等级");
        assertThat(jdbc.sql("select count(*) from q_rating where ticket_id = :t").param("t", t2).query(Long.class).single())
                .isZero();
    }

    @Test
    void ratingPadsRateOverTheApiWithTheirToken() {
        Http http = new Http(port);
        assertThat(http.get("/api/v1/queue/ratings/pending", "Authorization", "Bearer " + pad).statusCode()).isEqualTo(204);
        long t = servedAtW0();
        var pending = http.get("/api/v1/queue/ratings/pending", "Authorization", "Bearer " + pad);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.body()).contains("\"ticketId\":" + t, "\"number\":\"A001\"");

        String body = "{\"ticketId\":" + t + ",\"level\":\"SATISFIED\",\"comment\":\"很好\"}";
        assertThat(http.postJson("/api/v1/queue/ratings", body).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/v1/queue/ratings", body, "Authorization", "Bearer " + kiosk).statusCode())
                .isEqualTo(403);
        var bad = http.postJson("/api/v1/queue/ratings", "{\"ticketId\":" + t + ",\"level\":\"GOOD\"}",
                "Authorization", "Bearer " + pad);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("请选择评价等级");
        var created = http.postJson("/api/v1/queue/ratings", body, "Authorization", "Bearer " + pad);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"level\":\"SATISFIED\"", "\"number\":\"A001\"");
        var twice = http.postJson("/api/v1/queue/ratings", body, "Authorization", "Bearer " + pad);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("该次服务已评价");
        assertThat(jdbc.sql("select source from q_rating where ticket_id = :t").param("t", t).query(String.class).single())
                .isEqualTo("API");
    }

    // ---- devices on the settings page ---------------------------------------------------------------------------

    @Test
    void theCentreOfficeIssuesADeviceSeesItsTokenOnceAndRevokesIt() throws Exception {
        var office = user(users.loadUserByUsername(f.org().office()));
        MockHttpServletResponse noWindow = perform(post("/queue/settings/devices?centre=" + f.centreId()).with(csrf())
                .with(office).param("kind", "RATING_PAD").param("name", "11号评价器"));
        assertThat(html(noWindow).select("#windowId-err").text()).isEqualTo("请选择本中心的窗口");
        int before = devices.devices(f.centreId()).size();

        MockHttpServletResponse issued = perform(post("/queue/settings/devices?centre=" + f.centreId()).with(csrf())
                .with(office).param("kind", "KIOSK").param("name", "二楼取号机"));
        assertThat(issued.getRedirectedUrl()).isEqualTo("/queue/settings/devices/issued?centre=" + f.centreId());
        var flash = mvc.perform(post("/queue/settings/devices?centre=" + f.centreId()).with(csrf()).with(office)
                .param("kind", "RATING_PAD").param("name", "11号评价器").param("windowId", String.valueOf(f.windows()[1])))
                .andReturn().getFlashMap();
        Document shown = html(perform(get("/queue/settings/devices/issued?centre=" + f.centreId()).with(office)
                .flashAttrs(flash)));
        String token = shown.select(".issued-token").text();
        assertThat(token).hasSize(43);
        assertThat(shown.select(".issued-url").text()).isEqualTo("http://localhost:8080/devices/" + token + "/rating");
        assertThat(shown.select(".issued-qr").attr("src")).startsWith("data:image/png;base64,");
        // shown once: without the flash the page goes back to the settings
        assertThat(perform(get("/queue/settings/devices/issued?centre=" + f.centreId()).with(office)).getRedirectedUrl())
                .isEqualTo("/queue/settings?centre=" + f.centreId());
        assertThat(perform(get("/devices/" + token + "/rating")).getStatus()).isEqualTo(200);
        assertThat(devices.devices(f.centreId())).hasSize(before + 2);

        Document page = html(perform(get("/queue/settings?centre=" + f.centreId()).with(office)));
        assertThat(page.select("#devices tbody").text()).contains("二楼取号机", "11号评价器", "评价器", "11 号窗口")
                .doesNotContain(token);
        long id = devices.devices(f.centreId()).stream().filter(d -> d.name().equals("11号评价器")).findFirst()
                .orElseThrow().id();
        perform(post("/queue/settings/devices/" + id + "/revoke?centre=" + f.centreId()).with(csrf()).with(office));
        assertThat(perform(get("/devices/" + token + "/rating")).getStatus()).isEqualTo(404);
        assertThat(List.of(devices.devices(f.centreId()).stream().filter(d -> d.id() == id).findFirst().orElseThrow()
                .revokedAt())).doesNotContainNull();
    }
}
