package org.openhall.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.LiveHub;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueServices;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.openhall.test.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The hall display and the window display in a real browser: a call made at a window appears on the hall
 * display with the masked name and is queued for speech ("请 A 零 零 一 号到 10 号窗口办理", as many times as configured),
 * calls never replace each other in the announcement queue, the window display shows its current number and, when the
 * window pauses, the 暂停服务 sign with the reason, the expected return and the other windows. Screenshots at 1920×1080
 * and 1366×768 under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class DisplayJourneyTests extends BrowserTestSupport {

    @Autowired OrganizationCommands org;
    @Autowired UserAccounts accounts;
    @Autowired QueueServices services;
    @Autowired QueueDesk desk;
    @Autowired Devices devices;
    @Autowired LiveHub hub;

    QueueFixture.Floor floor;

    @BeforeEach
    void floor() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        floor = QueueFixture.create(org, accounts, services, 3);
        for (int i = 0; i < 3; i++) {
            desk.signIn(floor.windows()[i], floor.staff()[i], "test");
        }
    }

    private String token(DeviceKind kind, Long windowId) {
        return devices.issue(floor.centreId(), kind, kind.name(), windowId).token();
    }

    private void issue(String name) {
        desk.issue(new IssueRequest(floor.centreId(), floor.serviceA(), TicketChannel.KIOSK, PriorityClass.ORDINARY,
                null, name, null, null, List.of()), "device:1");
    }

    @SuppressWarnings("unchecked")
    private List<String> spoken(Page p) {
        return (List<String>) p.evaluate("() => window.openhallDisplay.spoken.slice()");
    }

    private void waitConnected(Page p) {
        p.waitForFunction("() => window.openhallDisplay && window.openhallDisplay.connected");
    }

    @Test
    void theHallDisplayShowsAndSpeaksEachCallInTurn() {
        String hall = token(DeviceKind.HALL_DISPLAY, null);
        issue("段誉");
        issue("王语嫣");
        issue(null);
        page.setViewportSize(1920, 1080);
        page.navigate(url("/devices/" + hall + "/hall"));
        waitConnected(page);
        assertThat(page.locator(".qd-win")).hasCount(3 + 1);
        assertThat(page.locator(".qd-svc-item .qd-svc-waiting").first()).hasText("3 人等候");

        QueueDesk.TicketView first = desk.callNext(floor.windows()[0], "test").orElseThrow();
        assertThat(first.number()).isEqualTo("A001");
        assertThat(page.locator("#qd-now-number")).hasText("A001");
        assertThat(page.locator("#qd-now-go")).hasText("请到 10 号窗口办理");
        assertThat(page.locator("#qd-now-name")).hasText("段*");
        assertThat(page.locator("#qd-calls tr").first()).containsText("A001");
        assertThat(page.locator(".qd-win[data-window='10'] .qd-win-current")).containsText("A001");

        // a second and third call right after: queued behind the first, nothing cut off, each twice (repeats = 2)
        desk.callNext(floor.windows()[1], "test").orElseThrow();
        desk.callNext(floor.windows()[2], "test").orElseThrow();
        assertThat(page.locator("#qd-now-number")).hasText("A003");
        assertThat(page.locator("#qd-calls tr")).hasCount(3);
        assertThat(page.locator("#qd-calls tr.qd-current")).containsText("A003");
        assertThat(page.locator("#qd-calls tr").nth(1)).containsText("王*");
        page.waitForFunction("() => window.openhallDisplay.spoken.length >= 6");
        assertThat(spoken(page)).containsExactly(
                "请 A 零 零 一 号到 10 号窗口办理", "请 A 零 零 一 号到 10 号窗口办理",
                "请 A 零 零 二 号到 11 号窗口办理", "请 A 零 零 二 号到 11 号窗口办理",
                "请 A 零 零 三 号到 12 号窗口办理", "请 A 零 零 三 号到 12 号窗口办理");
        assertThat(page.locator(".qd-svc-item .qd-svc-waiting").first()).hasText("0 人等候");
        // no full name anywhere on the hall display
        assertThat(page.content()).doesNotContain("段誉").doesNotContain("王语嫣");
        // a full list: the last 8 calls (hallDisplayCalls), the newest highlighted
        for (int i = 0; i < 6; i++) {
            issue(i % 2 == 0 ? "欧阳锋" : null);
        }
        for (int i = 0; i < 6; i++) {
            long w = floor.windows()[i % 3];
            desk.start(w, "test");
            desk.finish(w, null, "test");
            desk.callNext(w, "test").orElseThrow();
        }
        assertThat(page.locator("#qd-now-number")).hasText("A009");
        assertThat(page.locator("#qd-calls tr")).hasCount(8);
        assertThat(page.locator("#qd-calls tr").last()).containsText("A002");
        desk.start(floor.windows()[2], "test");
        assertThat(page.locator(".qd-win[data-window='12'] .qd-win-current")).hasText("办理 A009");
        desk.start(floor.windows()[1], "test");
        desk.finish(floor.windows()[1], null, "test");
        desk.pause(floor.windows()[1], "业务咨询", null, QueueFixture.CLOCK.instant().plus(Duration.ofMinutes(20)),
                "test");
        assertThat(page.locator(".qd-win[data-window='11'] .qd-win-pause")).hasText("业务咨询 · 预计 10:20 恢复服务");
        page.waitForTimeout(3000);
        screenshot("queue-display-hall-1920x1080");
        page.setViewportSize(1366, 768);
        screenshot("queue-display-hall-1366x768");

        // a reload shows the same calls, and does not speak them again
        page.reload();
        waitConnected(page);
        assertThat(page.locator("#qd-calls tr")).hasCount(8);
        assertThat(page.locator("#qd-calls tr.qd-current")).containsText("A009");
        assertThat(page.locator("#qd-now-number")).hasText("A009");
        assertThat(page.locator(".qd-win[data-window='11']")).hasClass(java.util.regex.Pattern.compile("qd-st-PAUSED"));
        page.waitForTimeout(800);
        assertThat(spoken(page)).isEmpty();
    }

    @Test
    void theWindowDisplayShowsTheCallAndThePausedSignWithTheOtherWindows() {
        long w = floor.windows()[0];
        String display = token(DeviceKind.WINDOW_DISPLAY, w);
        String hall = token(DeviceKind.HALL_DISPLAY, null);
        issue("段誉");
        page.setViewportSize(1920, 1080);
        page.navigate(url("/devices/" + display + "/window"));
        waitConnected(page);
        assertThat(page.locator(".qd-window-no")).hasText("10 号窗口");
        assertThat(page.locator("#qd-staff")).hasText("工作人员：窗口员0");

        desk.callNext(w, "test").orElseThrow();
        assertThat(page.locator("#qd-current")).hasText("A001");
        assertThat(page.locator("#qd-serving-text")).hasText("请 A001 号到本窗口办理");
        screenshot("queue-display-window-calling-1920x1080");
        desk.start(w, "test");
        assertThat(page.locator("#qd-serving-text")).hasText("正在办理");
        desk.finish(w, null, "test");
        assertThat(page.locator("#qd-current")).hasText("—");

        Page hallPage = context.newPage();
        hallPage.setViewportSize(1920, 1080);
        hallPage.navigate(url("/devices/" + hall + "/hall"));
        waitConnected(hallPage);

        Instant back = QueueFixture.CLOCK.instant().plus(Duration.ofMinutes(15));
        desk.pause(w, "临时离岗", null, back, "test");
        assertThat(page.locator("#qd-sign")).isVisible();
        assertThat(page.locator("#qd-sign")).hasText("暂停服务");
        assertThat(page.locator("#qd-pause-reason")).hasText("暂停原因：临时离岗");
        assertThat(page.locator("#qd-pause-until")).hasText("预计 10:15 恢复服务");
        assertThat(page.locator("#qd-alternatives")).hasText("请到 11、12 号窗口办理");
        assertThat(page.locator("#qd-current")).isHidden();
        screenshot("queue-display-window-paused-1920x1080");
        page.setViewportSize(1366, 768);
        screenshot("queue-display-window-paused-1366x768");

        // the hall display shows the paused window too
        assertThat(hallPage.locator(".qd-win[data-window='10']")).hasClass(java.util.regex.Pattern.compile("qd-st-PAUSED"));
        assertThat(hallPage.locator(".qd-win[data-window='10'] .qd-win-pause")).containsText("临时离岗");

        // opened while paused, the window display draws the sign from the server
        page.reload();
        waitConnected(page);
        assertThat(page.locator("#qd-alternatives")).hasText("请到 11、12 号窗口办理");
        desk.resume(w, "test");
        assertThat(page.locator("#qd-sign")).isHidden();
        assertThat(page.locator("#qd-current")).isVisible();
    }

    @Test
    void aDisplayThatLostItsStreamResumesWithoutMissingACall() {
        String hall = token(DeviceKind.HALL_DISPLAY, null);
        issue("段誉");
        issue(null);
        page.navigate(url("/devices/" + hall + "/hall"));
        waitConnected(page);
        desk.callNext(floor.windows()[0], "test").orElseThrow();
        assertThat(page.locator("#qd-now-number")).hasText("A001");

        // the server drops the stream (a restart, a proxy); the call made meanwhile comes with the resumed stream
        hub.disconnect(floor.centreId());
        desk.callNext(floor.windows()[1], "test").orElseThrow();
        page.waitForFunction("() => window.openhallDisplay.disconnects >= 1");
        assertThat(page.locator("#qd-now-number")).hasText("A002");
        assertThat(page.locator("#qd-now-go")).hasText("请到 11 号窗口办理");
        waitConnected(page);
        assertThat(page.locator("#qd-conn")).isHidden();
        assertThat(page.locator("#qd-calls tr")).hasCount(2);
        page.waitForFunction("() => window.openhallDisplay.spoken.length >= 4");
        assertThat(spoken(page)).containsExactly(
                "请 A 零 零 一 号到 10 号窗口办理", "请 A 零 零 一 号到 10 号窗口办理",
                "请 A 零 零 二 号到 11 号窗口办理", "请 A 零 零 二 号到 11 号窗口办理");
    }

    @Test
    void theSupervisorsPagesListenWithTheLoginSession() {
        login(floor.org().supervisor(), OrgFixture.PASSWORD);
        page.evaluate("""
                code => {
                  window.got = [];
                  window.es = new EventSource('/queue/live/' + code + '/events');
                  window.es.addEventListener('ticket.called', e => window.got.push(JSON.parse(e.data).number));
                }""", floor.org().code());
        page.waitForFunction("() => window.es.readyState === 1");
        issue("段誉");
        desk.callNext(floor.windows()[0], "test").orElseThrow();
        page.waitForFunction("() => window.got.length === 1");
        assertThat(page.evaluate("() => window.got[0]")).isEqualTo("A001");
        // staff of another centre may not listen to this one
        QueueFixture.Floor other = QueueFixture.create(org, accounts, services, 1);
        Object status = page.evaluate("code => fetch('/queue/live/' + code + '/events').then(r => r.status)",
                other.org().code());
        assertThat(status).isEqualTo(403);
        page.evaluate("() => window.es.close()");
    }

    @Test
    void aDeviceOfAnotherKindOrAnUnknownTokenGetsNothing() {
        String hall = token(DeviceKind.HALL_DISPLAY, null);
        Http http = new Http(port);
        assertThat(http.get("/devices/" + hall + "/window").statusCode()).isEqualTo(404);
        assertThat(http.get("/devices/not-a-token/hall").statusCode()).isEqualTo(404);
        Devices.IssuedDevice old = devices.issue(floor.centreId(), DeviceKind.HALL_DISPLAY, "旧叫号屏", null);
        assertThat(http.get("/devices/" + old.token() + "/hall").statusCode()).isEqualTo(200);
        devices.revoke(old.device().id());
        assertThat(http.get("/devices/" + old.token() + "/hall").statusCode()).isEqualTo(404);
        assertThat(http.get("/devices/" + old.token() + "/events", "Accept", "text/event-stream").statusCode())
                .isEqualTo(404);
        var r = http.get("/devices/not-a-token/events", "Accept", "text/event-stream");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        page.navigate(url("/devices/not-a-token/hall"));
        assertThat(page.locator("h1")).hasText("设备未登记");
    }
}
