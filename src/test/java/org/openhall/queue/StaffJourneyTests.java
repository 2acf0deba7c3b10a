package org.openhall.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff side of the hall floor in a browser (Q-1..Q-4): a clerk skips a ticket (过号), sees it in the console's
 * list, calls it back (重新呼叫) and sees the list follow the return time; a desk officer issues a 绿色通道 ticket on
 * the staff desk, prints it like the kiosk's, and it is the first one the window calls, while the hall display's
 * waiting counts stay the database's. Screenshots at 1920×1080 and 1366×768 under target/screenshots/queue-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class StaffJourneyTests extends BrowserTestSupport {

    @Autowired OrganizationCommands orgCommands;
    @Autowired UserAccounts accounts;
    @Autowired QueueServices services;
    @Autowired QueueDesk desk;
    @Autowired Devices devices;
    @Autowired JdbcClient jdbc;

    QueueFixture.Floor f;
    String clerk;

    @BeforeEach
    void floor() {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        f = QueueFixture.create(orgCommands, accounts, services, 2);
        clerk = "sj" + f.org().n() + "-c0";
        accounts.create(new UserAccounts.NewAccount(clerk, OrgFixture.PASSWORD, "窗口员0", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[0]));
    }

    /**
     * Presses a console key as a clerk would once the previous command has come back: the console ignores a key while
     * its form is still in flight (htmx-request), as it must, so the journey waits for that first.
     */
    private static void press(Page p, String key) {
        // the console ignores keys while a command is in flight, and htmx is done with its answer only after the
        // swap and the settling of the new panel
        assertThat(p.locator(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")).hasCount(0);
        p.keyboard().press(key);
    }

    private void both(Page p, String name) {
        for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
            p.setViewportSize(size[0], size[1]);
            p.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target", "screenshots", name + "-" + size[0] + ".png")));
        }
    }

    private void kioskTickets(int n) {
        for (int i = 0; i < n; i++) {
            desk.issue(IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "device:1");
        }
    }

    private void signIn() {
        login(clerk, OrgFixture.PASSWORD);
        page.navigate(url("/queue/console"));
        page.locator(".window-choices button", new Page.LocatorOptions().setHasText("10 号窗口")).click();
        assertThat(page.locator(".window-status")).hasText("空闲");
        // the console's keys work once its script is in
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }

    private int waitingInDatabase(long service) {
        return jdbc.sql("select count(*) from q_ticket where service_id = :s and status = 'WAITING'").param("s", service)
                .query(Integer.class).single();
    }

    @Test
    void aClerkSkipsATicketSeesItInTheListAndCallsItBack() {
        kioskTickets(2);
        page.setViewportSize(1366, 768);
        signIn();
        Locator list = page.locator("#console-skipped");
        assertThat(list).containsText("暂无可重新呼叫的过号号票");

        // A001 does not come: 过号 with F5, and it is in the list with the time it may come back until
        press(page, "F1");
        assertThat(page.locator(".current-number")).hasText("A001");
        press(page, "F5");
        assertThat(page.locator(".window-status")).hasText("空闲");
        Locator row = list.locator("tr", new Locator.LocatorOptions().setHasText("A001"));
        assertThat(row).containsText("10:30");
        assertThat(row.locator("button.act-call-skipped")).isEnabled();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        both(page, "queue-console-skipped");

        // the next ticket is called: while it is at the window, calling back waits
        press(page, "F1");
        assertThat(page.locator(".current-number")).hasText("A002");
        assertThat(row.locator("button.act-call-skipped")).isDisabled();
        press(page, "F3");
        assertThat(page.locator(".window-status")).hasText("办理中");
        press(page, "F4");
        assertThat(page.locator(".window-status")).hasText("空闲");

        // the applicant of A001 is back at 10:10: 重新呼叫
        QueueFixture.CLOCK.advance(Duration.ofMinutes(10));
        row.locator("button.act-call-skipped").click();
        assertThat(page.locator(".current-number")).hasText("A001");
        assertThat(page.locator(".window-status")).hasText("叫号中");
        assertThat(page.locator(".console-error")).hasCount(0);
        assertThat(list).containsText("暂无可重新呼叫的过号号票");
        assertThat(desk.ticket(desk.window(f.windows()[0]).orElseThrow().current().id()).orElseThrow().number())
                .isEqualTo("A001");

        // skipped again it has used its one return; another skipped ticket leaves the list by itself when its time is up
        press(page, "F5");
        assertThat(page.locator(".window-status")).hasText("空闲");
        assertThat(list.locator("tr", new Locator.LocatorOptions().setHasText("A001"))).hasCount(0);
        kioskTickets(1);
        press(page, "F1");
        assertThat(page.locator(".current-number")).hasText("A003");
        press(page, "F5");
        assertThat(page.locator(".window-status")).hasText("空闲");
        assertThat(list.locator("tr", new Locator.LocatorOptions().setHasText("A003"))).hasCount(1);
        QueueFixture.CLOCK.advance(Duration.ofMinutes(31));
        assertThat(list.locator("tr", new Locator.LocatorOptions().setHasText("A003")))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(12_000));
    }

    @Test
    void aDeskOfficerIssuesAGreenChannelTicketAndItIsCalledFirst() {
        String hall = devices.issue(f.centreId(), DeviceKind.HALL_DISPLAY, "大厅叫号屏", null).token();
        kioskTickets(3);
        QueueFixture.CLOCK.advance(Duration.ofMinutes(2));
        Page hallPage = context.newPage();
        hallPage.setViewportSize(1920, 1080);
        hallPage.navigate(url("/devices/" + hall + "/hall"));
        hallPage.waitForFunction("() => window.openhallDisplay && window.openhallDisplay.connected");
        Locator waitingA = hallPage.locator(".qd-svc-item[data-service-id='" + f.serviceA() + "'] .qd-svc-waiting");
        assertThat(waitingA).hasText("3 人等候");

        // the information desk: the office's login, through the navigation
        login(f.org().office(), OrgFixture.PASSWORD);
        page.setViewportSize(1366, 768);
        page.locator("nav.mainnav a", new Page.LocatorOptions().setHasText("导服台取号")).click();
        assertThat(page.locator("h1")).hasText("导服台取号");
        // nothing chosen: inline messages, no ticket
        page.locator("#mobile").fill("1380013");
        page.locator("button.desk-submit").click();
        assertThat(page.locator("#service-err")).hasText("请选择办理业务");
        assertThat(page.locator("#mobile-err")).isVisible();
        assertThat(waitingInDatabase(f.serviceA())).isEqualTo(3);
        both(page, "queue-desk-errors");
        page.locator("nav.mainnav a", new Page.LocatorOptions().setHasText("导服台取号")).click();
        page.locator(".desk-service", new Page.LocatorOptions().setHasText("社保登记与参保")).click();
        page.locator(".desk-kind", new Page.LocatorOptions().setHasText("绿色通道")).click();
        page.locator("#mobile").fill("13800138000");
        both(page, "queue-desk-form");

        page.locator("button.desk-submit").click();
        assertThat(page.locator(".done-number")).hasText("A004");
        assertThat(page.locator(".done-text")).hasText("绿色通道");
        assertThat(page.locator(".ticket-slip .slip-number")).hasText("A004");
        assertThat(page.locator(".ticket-slip .slip-qr img")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        both(page, "queue-desk-ticket");
        // printed as the kiosk prints: one 80 mm page, A4 on request
        QueueJourneyTests.assertPdfPage(page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true)), 80, 150);
        page.locator("a.paper-switch").click();
        assertThat(page.locator("html.paper-a4")).hasCount(1);
        QueueJourneyTests.assertPdfPage(page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true)), 210, 297);
        assertThat(waitingA).hasText("4 人等候");

        // the window calls: the green channel first, although three ordinary tickets waited longer
        page.context().clearCookies();
        signIn();
        press(page, "F1");
        assertThat(page.locator(".current-number")).hasText("A004");
        assertThat(page.locator(".current-facts")).containsText("绿色通道");
        assertThat(hallPage.locator("#qd-now-number")).hasText("A004");

        // the hall display's counts are the database's after calls, a skip, a return and a transfer
        press(page, "F5");
        assertThat(page.locator(".window-status")).hasText("空闲");
        page.locator("#console-skipped button.act-call-skipped").first().click();
        assertThat(page.locator(".current-number")).hasText("A004");
        press(page, "F3");
        assertThat(page.locator(".window-status")).hasText("办理中");
        press(page, "F4");
        assertThat(page.locator(".window-status")).hasText("空闲");
        press(page, "F1");
        assertThat(page.locator(".current-number")).hasText("A001");
        desk.transfer(f.windows()[0], f.serviceB(), null, "转医保", "test");
        desk.signIn(f.windows()[1], f.staff()[1], "test");
        desk.callNext(f.windows()[1], "test");
        Locator waitingB = hallPage.locator(".qd-svc-item[data-service-id='" + f.serviceB() + "'] .qd-svc-waiting");
        assertThat(waitingA).hasText(waitingInDatabase(f.serviceA()) + " 人等候");
        assertThat(waitingB).hasText(waitingInDatabase(f.serviceB()) + " 人等候");
        assertThat(waitingInDatabase(f.serviceA()) + waitingInDatabase(f.serviceB())).isEqualTo(2);
        both(hallPage, "queue-hall-display-waiting");
    }
}
