package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff and public pages of the hall floor without devices: the window console with its inline
 * messages (finishing twice, a window that is not one's own, a bad pause), the public ticket status, online
 * tickets with the per-mobile limit, the closed hall and the address rate limit (Q-1, SEC-2), and the queue settings
 * . Bad input writes nothing.
 */
class QueuePagesTests extends QueueFixture.FloorTestBase {

    private static final AtomicInteger IP = new AtomicInteger();

    String clerk0;
    String clerk1;

    @BeforeEach
    void setUp() {
        openFloorWithPages(2);
        clerk0 = "qp" + f.org().n() + "-c0";
        clerk1 = "qp" + f.org().n() + "-c1";
        accounts.create(new UserAccounts.NewAccount(clerk0, OrgFixture.PASSWORD, "窗口员0", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[0]));
        accounts.create(new UserAccounts.NewAccount(clerk1, OrgFixture.PASSWORD, "窗口员1", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[1]));
    }

    static String freshIp() {
        int n = IP.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    QueueDesk.IssuedTicket issue(long service) {
        return desk.issue(IssueRequest.ordinary(f.centreId(), service, TicketChannel.KIOSK), "test");
    }

    MockHttpServletResponse htmx(String path, String user, String... params) throws Exception {
        MockHttpServletRequestBuilder b = post(path).with(csrf()).with(as(user)).header("HX-Request", "true");
        for (int i = 0; i + 1 < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        return perform(b);
    }

    long count(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < args.length; i++) {
            spec = spec.param(i + 1, args[i]);
        }
        return spec.query(Long.class).single();
    }

    // ---- window console ----------------------------------------------------------------------------------------

    @Test
    void theClerkSignsInCallsStartsFinishesAndFinishingTwiceIsAnInlineMessage() throws Exception {
        // the chooser offers the clerk's own window (post A)
        Document chooser = html(perform(get("/queue/console").with(as(clerk0))));
        assertThat(chooser.select(".window-choices button").text()).contains("10 号窗口", "签到");
        MockHttpServletResponse signIn = perform(post("/queue/console/sign-in").with(csrf()).with(as(clerk0))
                .param("windowId", String.valueOf(w0)));
        assertThat(signIn.getRedirectedUrl()).isEqualTo("/queue/console");

        // nobody waits: a notice, nothing called
        Document empty = html(htmx("/queue/console/" + w0 + "/call", clerk0));
        assertThat(empty.select(".console-notice").text()).isEqualTo("当前没有等候的号票");

        // a special-group ticket waits; the console shows counts only, no reason, no name
        desk.issue(new IssueRequest(f.centreId(), f.serviceA(), TicketChannel.KIOSK, PriorityClass.SPECIAL,
                PriorityReason.ELDERLY, "王小明", null, null, List.of()), "test");
        Document waiting = html(perform(get("/queue/console").with(as(clerk0))));
        assertThat(waiting.select("#console-waiting .count").first().text()).isEqualTo("1");
        assertThat(waiting.text()).doesNotContain("老年人", "王小明", "王*");
        assertThat(waiting.select("button.act-call").hasAttr("disabled")).isFalse();
        assertThat(waiting.select(".shortcuts").text()).contains("F1", "Alt+1", "叫号", "F4", "办结", "F5", "过号");

        Document called = html(htmx("/queue/console/" + w0 + "/call", clerk0));
        assertThat(called.select(".current-number").text()).isEqualTo("A001");
        assertThat(called.select(".current-service").text()).isEqualTo("社保登记与参保");
        assertThat(called.select(".window-status").text()).isEqualTo("叫号中");
        assertThat(called.select(".current-facts").text()).contains("取号时间", "10:00", "老年人");

        Document started = html(htmx("/queue/console/" + w0 + "/start", clerk0));
        assertThat(started.select(".window-status").text()).isEqualTo("办理中");
        Document finished = html(htmx("/queue/console/" + w0 + "/finish", clerk0, "caseNumber", ""));
        assertThat(finished.select(".window-status").text()).isEqualTo("空闲");
        assertThat(finished.select(".console-error")).isEmpty();
        long history = count("select count(*) from q_ticket_history where window_id = ?", w0);

        // finishing twice (a second tab, a double key press): an inline message, nothing written
        MockHttpServletResponse again = htmx("/queue/console/" + w0 + "/finish", clerk0);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("X-OpenHall-Status")).isEqualTo("409");
        assertThat(html(again).select(".console-error").text()).contains("没有正在办理的号票");
        // without JavaScript: back to the console with the message
        MockHttpServletResponse plain = perform(post("/queue/console/" + w0 + "/finish").with(csrf()).with(as(clerk0)));
        assertThat(plain.getRedirectedUrl()).isEqualTo("/queue/console");
        assertThat(count("select count(*) from q_ticket_history where window_id = ?", w0)).isEqualTo(history);
    }

    @Test
    void aClerkCannotSignInOrActAtAnotherClerksWindow() throws Exception {
        perform(post("/queue/console/sign-in").with(csrf()).with(as(clerk0)).param("windowId", String.valueOf(w0)));
        issue(f.serviceA());
        // window 10 is not clerk1's post
        MockHttpServletResponse r = perform(post("/queue/console/sign-in").with(csrf()).with(as(clerk1))
                .param("windowId", String.valueOf(w0)));
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(html(r).select(".flash.error").text()).contains("您不能在该窗口签到");
        // calling at window 10 without being signed in there
        MockHttpServletResponse call = htmx("/queue/console/" + w0 + "/call", clerk1);
        assertThat(call.getHeader("HX-Redirect")).isEqualTo("/queue/console");
        assertThat(count("select count(*) from q_ticket where centre_id = ? and status = 'WAITING'", f.centreId()))
                .isEqualTo(1);
        // a user of another role without a staff record cannot sign in anywhere
        Document office = html(perform(get("/queue/console").with(as(f.org().office()))));
        assertThat(office.select(".flash.error").text()).contains("未关联工作人员");
    }

    @Test
    void transferKeepsTheQueueTimeAndPauseShowsTheSignUntilResumed() throws Exception {
        perform(post("/queue/console/sign-in").with(csrf()).with(as(clerk0)).param("windowId", String.valueOf(w0)));
        perform(post("/queue/console/sign-in").with(csrf()).with(as(clerk1)).param("windowId", String.valueOf(w1)));
        QueueDesk.IssuedTicket t = issue(f.serviceA());
        QueueFixture.CLOCK.advance(Duration.ofMinutes(7));
        htmx("/queue/console/" + w0 + "/call", clerk0);

        // the transfer dialog lists the services and the other windows
        Document panel = html(perform(get("/queue/console").with(as(clerk0))));
        assertThat(panel.select("#transfer-dialog select[name=toServiceId] option").text()).contains("B 医疗保险");
        assertThat(panel.select("#transfer-dialog select[name=toWindowId] option").text()).contains("11 号窗口");
        assertThat(panel.select(".current-facts").text()).contains("7 分钟");

        // without a note: refused inline, the ticket stays at window 10
        Document noNote = html(htmx("/queue/console/" + w0 + "/transfer", clerk0, "toServiceId",
                String.valueOf(f.serviceB()), "toWindowId", String.valueOf(w1), "note", " "));
        assertThat(noNote.select(".console-error").text()).contains("转窗说明");
        assertThat(desk.ticket(t.ticket().id()).orElseThrow().status()).isEqualTo(TicketStatus.CALLED);

        Document moved = html(htmx("/queue/console/" + w0 + "/transfer", clerk0, "toServiceId",
                String.valueOf(f.serviceB()), "toWindowId", String.valueOf(w1), "note", "需核对医保关系"));
        assertThat(moved.select(".console-error")).isEmpty();
        assertThat(moved.select(".window-status").text()).isEqualTo("空闲");
        QueueDesk.TicketView after = desk.ticket(t.ticket().id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(after.serviceId()).isEqualTo(f.serviceB());
        assertThat(after.queuedAt()).isEqualTo(t.ticket().queuedAt());

        // pause: a reason from the list and an expected return; a reason not on the list is refused inline
        Document bad = html(htmx("/queue/console/" + w0 + "/pause", clerk0, "reason", "打牌", "minutes", "15"));
        assertThat(bad.select(".console-error").text()).isEqualTo("请选择暂停原因");
        Document tooLong = html(htmx("/queue/console/" + w0 + "/pause", clerk0, "reason", "临时离岗", "minutes", "600"));
        assertThat(tooLong.select(".console-error").text()).contains("60 分钟以内");
        assertThat(desk.window(w0).orElseThrow().status()).isEqualTo(WindowStatus.IDLE);
        Document paused = html(htmx("/queue/console/" + w0 + "/pause", clerk0, "reason", "临时离岗", "minutes", "15",
                "note", "取材料"));
        assertThat(paused.select(".window-status").text()).isEqualTo("暂停服务");
        assertThat(paused.select(".paused-sign").text()).contains("临时离岗", "预计 10:22 恢复", "取材料");
        assertThat(paused.select("button.act-call").hasAttr("disabled")).isTrue();
        QueueDesk.WindowView w = desk.window(w0).orElseThrow();
        assertThat(w.pauseUntil()).isEqualTo(QueueFixture.OPEN.plus(Duration.ofMinutes(22)));
        Document resumed = html(htmx("/queue/console/" + w0 + "/resume", clerk0));
        assertThat(resumed.select(".window-status").text()).isEqualTo("空闲");

        // sign out: back to the chooser
        MockHttpServletResponse out = perform(post("/queue/console/" + w0 + "/sign-out").with(csrf()).with(as(clerk0)));
        assertThat(out.getRedirectedUrl()).isEqualTo("/queue/console");
        assertThat(desk.window(w0).orElseThrow().status()).isEqualTo(WindowStatus.SIGNED_OUT);
    }

    // ---- public ticket status --------------------------------------------------------------------------------------

    @Test
    void thePublicStatusNeedsTheTicketsCodeAndShowsTheWindowOnceCalled() throws Exception {
        issue(f.serviceA());
        QueueDesk.IssuedTicket t = issue(f.serviceA());
        String path = "/public/tickets/" + t.ticket().id() + "?code=" + t.ticket().publicCode();
        Document page = html(perform(get(path)));
        assertThat(page.select(".status-number").text()).isEqualTo("A002");
        assertThat(page.select(".status-service").text()).isEqualTo("社保登记与参保");
        assertThat(page.select(".status-badge").text()).isEqualTo("等候中");
        assertThat(page.select(".status-facts .ahead").text()).isEqualTo("1 人");
        assertThat(page.select("#ticket-status").attr("hx-trigger")).isEqualTo("every 15s");

        MockHttpServletResponse wrong = perform(get("/public/tickets/" + t.ticket().id() + "?code=WRONG1"));
        assertThat(wrong.getStatus()).isEqualTo(404);
        assertThat(html(wrong).select(".flash.error").text()).contains("未找到该号票");
        assertThat(perform(get("/public/tickets/" + t.ticket().id())).getStatus()).isEqualTo(404);
        assertThat(perform(get("/public/tickets/x1?code=" + t.ticket().publicCode())).getStatus()).isEqualTo(404);

        desk.signIn(w0, f.staff()[0], "test");
        desk.callNext(w0, "test");
        desk.finish(w0, null, "test");
        desk.callNext(w0, "test");
        Document called = html(perform(get(path)));
        assertThat(called.select(".status-badge").text()).isEqualTo("已叫号");
        assertThat(called.select(".go-window").text()).isEqualTo("请到 10 号窗口办理");

        // the printable slip: the same QR code address, 80 mm or A4
        Document slip = html(perform(get("/public/tickets/" + t.ticket().id() + "/print?code=" + t.ticket().publicCode()
                + "&paper=a4")));
        assertThat(slip.select("html").hasClass("paper-a4")).isTrue();
        assertThat(slip.select(".slip-number").text()).isEqualTo("A002");
        assertThat(slip.select(".slip-qr img").attr("src")).startsWith("data:image/png;base64,");
    }

    // ---- online tickets --------------------------------------------------------------------------------------------

    MockHttpServletResponse online(String code, String ip, String... params) throws Exception {
        MockHttpServletRequestBuilder b = post("/public/centres/" + code + "/queue").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
        for (int i = 0; i + 1 < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
        }
        return perform(b);
    }

    @Test
    void onlineTicketsNeedAValidMobileAndStopAtTheDailyLimitPerMobile() throws Exception {
        String code = f.org().code();
        Document form = html(perform(get("/public/centres/" + code + "/queue")));
        assertThat(form.select(".service-choice").text()).contains("社保登记与参保", "医疗保险", "等候 0 人");

        MockHttpServletResponse bad = online(code, freshIp(), "serviceId", String.valueOf(f.serviceA()), "mobile", "12345");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(html(bad).select("#mobile-err").text()).isNotBlank();
        MockHttpServletResponse noService = online(code, freshIp(), "mobile", "13912345678");
        assertThat(noService.getStatus()).isEqualTo(400);
        assertThat(html(noService).select("#service-err").text()).isEqualTo("请选择要办理的业务");
        MockHttpServletResponse unknown = online(code, freshIp(), "serviceId", "999999999", "mobile", "13912345678");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(count("select count(*) from q_ticket where centre_id = ?", f.centreId())).isZero();

        MockHttpServletResponse first = online(code, freshIp(), "serviceId", String.valueOf(f.serviceA()),
                "mobile", "139 1234 5678", "name", "李四");
        assertThat(first.getRedirectedUrl()).startsWith("/public/tickets/").contains("?code=").endsWith("&new=1");
        Document status = html(perform(get(first.getRedirectedUrl())));
        assertThat(status.select(".flash.ok").text()).contains("取号成功");
        assertThat(status.text()).doesNotContain("13912345678", "李四");
        assertThat(online(code, freshIp(), "serviceId", String.valueOf(f.serviceB()), "mobile", "13912345678")
                .getRedirectedUrl()).isNotNull();
        MockHttpServletResponse third = online(code, freshIp(), "serviceId", String.valueOf(f.serviceA()),
                "mobile", "+86 139-1234-5678");
        assertThat(third.getStatus()).isEqualTo(409);
        assertThat(html(third).select(".flash.error").text()).isEqualTo("该手机号今天已取 2 个号，不能再取");
        assertThat(count("select count(*) from q_ticket where centre_id = ? and channel = 'ONLINE'", f.centreId()))
                .isEqualTo(2);
        // another mobile still may
        assertThat(online(code, freshIp(), "serviceId", String.valueOf(f.serviceA()), "mobile", "13800001111")
                .getRedirectedUrl()).isNotNull();
    }

    @Test
    void aClosedHallIssuesNothingOnlineAndUsesNothingOfTheMobilesAllowance() throws Exception {
        String code = f.org().code();
        // 20:00 in Beijing: after the opening hours
        QueueFixture.CLOCK.set(Instant.parse("2026-09-28T12:00:00Z"));
        Document form = html(perform(get("/public/centres/" + code + "/queue")));
        assertThat(form.select(".flash.error").text()).contains("当前不在取号时间");
        MockHttpServletResponse r = online(code, freshIp(), "serviceId", String.valueOf(f.serviceA()),
                "mobile", "13700002222");
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(html(r).select(".flash.error").text()).contains("不在大厅开放时间");
        assertThat(count("select count(*) from q_online_quota where centre_id = ?", f.centreId())).isZero();
        assertThat(count("select count(*) from q_ticket where centre_id = ?", f.centreId())).isZero();
        // an unknown centre
        assertThat(perform(get("/public/centres/NO-SUCH-CENTRE/queue")).getStatus()).isEqualTo(404);
    }

    @Test
    void tooManyRequestsFromOneAddressAreRefusedWithRetryAfter() throws Exception {
        String ip = freshIp();
        int status = 0;
        for (int i = 0; i < 11; i++) {
            status = online(f.org().code(), ip, "serviceId", String.valueOf(f.serviceA()), "mobile", "1").getStatus();
        }
        assertThat(status).isEqualTo(429);
        MockHttpServletResponse r = online(f.org().code(), ip, "serviceId", String.valueOf(f.serviceA()),
                "mobile", "13912340000");
        assertThat(r.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(r.getHeader("Retry-After"))).isPositive();
        assertThat(html(r).select(".flash.error").text()).contains("过于频繁");
        assertThat(count("select count(*) from q_ticket where centre_id = ?", f.centreId())).isZero();
    }

    // ---- queue settings ------------------------------------------------------------------------------------------

    @Test
    void theCentreOfficeKeepsServicesAndWindowsAndOthersMayNot() throws Exception {
        Document page = html(perform(get("/queue/settings").with(as(f.org().office()))));
        assertThat(page.select("#services tbody tr").text()).contains("社保登记与参保", "医疗保险");
        assertThat(page.select("#windows tbody").text()).contains("10 号窗口", "A 社保登记与参保", "B 医疗保险");

        MockHttpServletResponse bad = perform(post("/queue/settings/services").with(csrf()).with(as(f.org().office()))
                .param("code", "GJJ").param("name", "公积金").param("prefix", "c1").param("rangeStart", "1")
                .param("rangeEnd", "999").param("defaultMinutes", "10").param("sortOrder", "3"));
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(html(bad).select("#prefix-err").text()).contains("大写字母");
        assertThat(services.serviceByCode(f.centreId(), "GJJ")).isEmpty();

        MockHttpServletResponse ok = perform(post("/queue/settings/services").with(csrf()).with(as(f.org().office()))
                .param("code", "GJJ").param("name", "公积金").param("prefix", "C").param("rangeStart", "1")
                .param("rangeEnd", "500").param("dailyCap", "80").param("defaultMinutes", "10").param("sortOrder", "3")
                .param("active", "true"));
        assertThat(ok.getRedirectedUrl()).isEqualTo("/queue/settings?centre=" + f.centreId());
        QueueServices.ServiceView c = services.serviceByCode(f.centreId(), "GJJ").orElseThrow();
        assertThat(c.dailyCap()).isEqualTo(80);

        // editing needs a reason
        MockHttpServletResponse noReason = perform(post("/queue/settings/services/" + c.id()).with(csrf())
                .with(as(f.org().office())).param("code", "GJJ").param("name", "住房公积金").param("prefix", "C")
                .param("rangeStart", "1").param("rangeEnd", "500").param("defaultMinutes", "10").param("active", "true"));
        assertThat(html(noReason).select("#reason-err").text()).contains("变更原因");
        assertThat(services.service(c.id()).orElseThrow().name()).isEqualTo("公积金");
        perform(post("/queue/settings/services/" + c.id()).with(csrf()).with(as(f.org().office()))
                .param("code", "GJJ").param("name", "住房公积金").param("prefix", "C").param("rangeStart", "1")
                .param("rangeEnd", "500").param("defaultMinutes", "10").param("active", "true").param("reason", "更名"));
        assertThat(services.service(c.id()).orElseThrow().name()).isEqualTo("住房公积金");

        // window 11: C on its own line, A only qualified
        perform(post("/queue/settings/windows/" + w1).with(csrf()).with(as(f.org().office()))
                .param("role_" + c.id(), "OWN").param("role_" + f.serviceA(), "QUALIFIED")
                .param("role_" + f.serviceB(), "NONE"));
        assertThat(services.servicesOfWindow(w1, true)).extracting(QueueServices.ServiceView::id).containsExactly(c.id());
        assertThat(services.servicesOfWindow(w1, false)).extracting(QueueServices.ServiceView::id)
                .containsExactlyInAnyOrder(c.id(), f.serviceA());
        assertThat(count("select count(*) from audit_log where entity_type like '%Service%' and centre_id = ?",
                f.centreId())).isPositive();

        // a clerk and another centre's office may not
        assertThat(perform(get("/queue/settings").with(as(clerk0))).getStatus()).isEqualTo(403);
        QueueFixture.Floor other = QueueFixture.create(orgCommands, accounts, services, 1);
        assertThat(perform(get("/queue/settings?centre=" + f.centreId()).with(as(other.org().office()))).getStatus())
                .isEqualTo(403);
        assertThat(perform(get("/queue/settings/services/" + c.id()).with(as(other.org().office()))).getStatus())
                .isEqualTo(403);
    }
}
