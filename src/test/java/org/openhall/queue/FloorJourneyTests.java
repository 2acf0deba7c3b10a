package org.openhall.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.queue.internal.FloorScan;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The supervisor's floor view in a real browser: services with waiting, longest wait and estimate;
 * windows idle, serving, paused (reason and expected return) and signed out; the open alerts, acknowledged from the
 * page; the board follows the floor by itself. A DEPT_HEAD sees the windows of their department, WINDOW_STAFF nothing.
 * Screenshots at 1366×768 and 1920×1080.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class FloorJourneyTests extends BrowserTestSupport {

    /** 10:00 on a working day in Shanghai (the clock shared by the queue tests). */
    static final Instant NOW = QueueFixture.OPEN;
    static final MutableClock CLOCK = QueueFixture.CLOCK;

    @Autowired
    OrganizationCommands org;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FloorScan scan;

    OrgFixture.Org o;
    FloorRows rows;
    long window5;
    long window6;
    long window7;
    long a001;

    static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @BeforeEach
    void floor() {
        CLOCK.set(NOW);
        o = OrgFixture.create(org, accounts);
        rows = new FloorRows(jdbc, o.centreId());
        long[] med = o.medicalStaff();
        long[] emp = o.employmentStaff();
        window5 = o.windowId();
        window6 = org.createWindow(new WindowData(o.medical(), "6", "医保待遇核定", WindowType.ACCEPTANCE, "一楼B区",
                List.of("医保待遇"), med[0], med[2], LocalDate.of(2025, 1, 2)));
        window7 = org.createWindow(new WindowData(o.employment(), "7", "就业创业服务", WindowType.ACCEPTANCE, "一楼C区",
                List.of("就业登记"), emp[1], emp[2], LocalDate.of(2025, 1, 2)));
        long window8 = org.createWindow(new WindowData(o.employment(), "8", "失业保险", WindowType.ACCEPTANCE, "一楼C区",
                List.of("失业保险金"), emp[2], emp[1], LocalDate.of(2025, 1, 2)));
        long a = rows.service("A", "社保登记", 8, NOW);
        long b = rows.service("B", "医保业务", 6, NOW);
        long c = rows.service("C", "就业创业", 10, NOW);
        rows.assign(window5, a, true);
        rows.assign(window6, b, true);
        rows.assign(window6, a, false);
        rows.assign(window7, c, true);
        rows.assign(window8, c, true);
        // today's handling times: A about 7 minutes, B 5
        for (int i = 0; i < 4; i++) {
            rows.done(a, "A9%02d".formatted(i), ago(120), ago(100 - 10 * i), ago(93 - 10 * i), window5);
            rows.done(b, "B9%02d".formatted(i), ago(120), ago(100 - 10 * i), ago(95 - 10 * i), window6);
        }
        // sixteen wait for A, the first for 40 minutes
        for (int i = 1; i <= 16; i++) {
            long id = rows.waiting(a, "A%03d".formatted(i), ago(41 - i));
            if (i == 1) {
                a001 = id;
            }
        }
        rows.waiting(b, "B003", ago(2));
        rows.waiting(c, "C001", ago(12));
        rows.waiting(c, "C002", ago(6));
        // window 5 idle for 12 minutes, window 6 serving B002, window 7 at lunch, window 8 not signed in
        rows.state(window5, WindowStatus.IDLE, med[1], null, null, null, ago(12));
        long b002 = rows.ticket(b, "B002", TicketStatus.SERVING, ago(9), ago(4), ago(3), null, window6);
        rows.state(window6, WindowStatus.SERVING, med[0], b002, null, null, ago(3));
        rows.state(window7, WindowStatus.PAUSED, emp[1], null, "用餐", NOW.plus(Duration.ofMinutes(20)), ago(15));
        scan.scan(o.centreId());
    }

    Locator alerts() {
        return page.locator(".qf-alert");
    }

    Locator window(String number) {
        return page.locator(".qf-window").filter(new Locator.FilterOptions().setHasText(number + "号窗口"));
    }

    @Test
    void theSupervisorSeesTheFloorAcknowledgesAndTheBoardFollows() {
        login(o.supervisor(), OrgFixture.PASSWORD);
        page.navigate(url("/queue/floor"));
        assertThat(page.locator("h1")).hasText("现场监控");
        assertThat(page.locator(".qf-status")).containsText("更新于 10:00:00");

        Locator services = page.locator(".qf-services tbody tr");
        assertThat(services).hasCount(3);
        assertThat(services.nth(0)).containsText("社保登记");
        assertThat(services.nth(0).locator("td").nth(1)).hasText("16");
        assertThat(services.nth(0)).containsText("40 分钟");
        assertThat(services.nth(0)).containsText("A001");
        assertThat(services.nth(0).locator("td").nth(4)).hasText("7.0 分钟");
        // 16 ahead on window 5 alone (window 6 is only qualified for A and busy with its own line), 7 minutes each
        assertThat(services.nth(0).locator("td").nth(5)).hasText("112 分钟");
        // C: nobody at a window (7 at lunch until 10:20, 8 signed out): two ahead after the return, 10 minutes each
        assertThat(services.nth(2).locator("td").nth(3)).hasText("0");
        assertThat(services.nth(2).locator("td").nth(5)).hasText("40 分钟");

        assertThat(alerts()).hasCount(4);
        assertThat(page.locator(".qf-alerts")).containsText("排队过长");
        assertThat(page.locator(".qf-alerts")).containsText("现有 16 人等候（上限 15 人）");
        assertThat(page.locator(".qf-alerts")).containsText("最久已等 40 分钟（A001），10 人超过 30 分钟");
        assertThat(page.locator(".qf-alerts")).containsText("5号窗口");
        assertThat(page.locator(".qf-alerts")).containsText("空闲 12 分钟未叫号，16 人等候其业务");
        assertThat(page.locator(".qf-alerts")).containsText("暂停服务 15 分钟（用餐），2 人等候其业务");

        assertThat(window("5")).containsText("空闲 12 分钟");
        assertThat(window("5")).containsText("张伟");
        assertThat(window("5")).hasClass(java.util.regex.Pattern.compile(".*\\balert\\b.*"));
        assertThat(window("6")).containsText("办理中");
        assertThat(window("6")).containsText("B002");
        assertThat(window("7")).containsText("用餐");
        assertThat(window("7")).containsText("预计 10:20 返回");
        assertThat(window("8")).containsText("未签到");
        screenshot("queue-floor-01-supervisor-1366");

        page.setViewportSize(1920, 1080);
        page.reload();
        assertThat(alerts()).hasCount(4);
        screenshot("queue-floor-02-supervisor-1920");
        page.setViewportSize(1366, 768);

        // acknowledge the idle window: it stays until the window calls
        Locator idle = alerts().filter(new Locator.FilterOptions().setHasText("窗口空闲"));
        idle.locator("button").click();
        assertThat(page.locator("#floor-board .flash.ok")).containsText("已确认预警");
        assertThat(idle).containsText(o.supervisor() + " 已于 10:00 确认");
        assertThat(idle.locator("button")).hasCount(0);

        // the floor moves on: window 5 calls A001; the scan clears its alert and the long queue (15 left), and the board
        // follows by itself: the live stream's events reload it (its own timer would take 30 seconds)
        page.waitForFunction("() => window.openhallFloor && window.openhallFloor.connected");
        CLOCK.advance(Duration.ofSeconds(30));
        rows.setStatus(a001, TicketStatus.CALLED, window5, CLOCK.instant());
        rows.state(window5, WindowStatus.CALLING, o.medicalStaff()[1], a001, null, null, CLOCK.instant());
        FloorScan.Result r = scan.scan(o.centreId());
        assertThat(r.cleared()).isEqualTo(2);
        assertThat(window("5")).containsText("叫号中");
        assertThat(window("5")).containsText("A001");
        assertThat(((Number) page.evaluate("() => window.openhallFloor.refreshes")).intValue()).isPositive();
        assertThat(alerts()).hasCount(2);
        assertThat(alerts().filter(new Locator.FilterOptions().setHasText("窗口空闲"))).hasCount(0);
        assertThat(alerts().filter(new Locator.FilterOptions().setHasText("等候过久"))).hasCount(1);
        assertThat(page.locator(".qf-count").nth(4)).containsText("2");
        screenshot("queue-floor-03-after-call");

        page.navigate(url("/queue/floor?lang=en"));
        assertThat(page.locator("h1")).hasText("Hall floor");
        assertThat(page.locator(".qf-alerts")).containsText("Longest wait 39 min (A002)");
        screenshot("queue-floor-04-english");
        page.navigate(url("/queue/floor?lang=zh_CN"));
    }

    @Test
    void aDepartmentHeadSeesTheirWindowsAndAClerkNothing() {
        login(o.employmentHead(), OrgFixture.PASSWORD);
        page.navigate(url("/queue/floor"));
        assertThat(page.locator(".qf-window")).hasCount(2);
        assertThat(window("7")).isVisible();
        assertThat(page.locator(".qf-windows")).not().containsText("5号窗口");
        // the service alerts and the paused window 7; not the idle window 5 of the other department
        assertThat(alerts()).hasCount(3);
        assertThat(page.locator(".qf-alert button")).hasCount(0);
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        String csrfHeader = page.locator("meta[name=_csrf_header]").getAttribute("content");
        long alertId = jdbc.sql("select min(id) from q_alert where centre_id = :c").param("c", o.centreId())
                .query(Long.class).single();
        var refused = page.request().post(url("/queue/floor/alerts/" + alertId + "/acknowledge"),
                com.microsoft.playwright.options.RequestOptions.create().setHeader(csrfHeader, csrf));
        assertThat(refused.status()).isEqualTo(403);
        screenshot("queue-floor-05-dept-head");
        page.locator("button.link").click();

        login(o.clerk(), OrgFixture.PASSWORD);
        Response r = page.navigate(url("/queue/floor"));
        assertThat(r.status()).isEqualTo(403);
    }
}
