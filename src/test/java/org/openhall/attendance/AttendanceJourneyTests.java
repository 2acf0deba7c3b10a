package org.openhall.attendance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openhall.attendance.AttendanceFixture.clock;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.QueueFixture;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance in a real browser (ATT-1, ATT-3, ATT-4, ATT-5), driven by the test clock: the clerk signs in at the window
 * console, pauses and stays away 40 minutes without a notice, the rule runs and the supervisor sees the 脱岗 finding
 * with its clause; a clerk files an absence notice on the attendance page — refused without a stand-in, naming the
 * proposed B-post holder — and the window display shows the 告知牌 until the clerk is back. Screenshots at 1366×768
 * and 1920×1080.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class AttendanceJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands orgCommands;
    @Autowired
    UserAccounts accounts;
    @Autowired
    QueueServices services;
    @Autowired
    Devices devices;
    @Autowired
    JdbcClient jdbc;

    private static void shot(Page p, String name, int width, int height) {
        p.setViewportSize(width, height);
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + "-" + width + ".png"))
                .setFullPage(false));
    }

    private static void both(Page p, String name) {
        shot(p, name, 1366, 768);
        shot(p, name, 1920, 1080);
        p.setViewportSize(1366, 768);
    }

    private String clerkOf(QueueFixture.Floor f) {
        String clerk = "aj" + f.org().n() + "-c0";
        accounts.create(new UserAccounts.NewAccount(clerk, OrgFixture.PASSWORD, "窗口员0", Set.of(Role.WINDOW_STAFF),
                f.centreId(), f.org().medical(), f.staff()[0]));
        return clerk;
    }

    @Test
    void fortyMinutesAwayWithoutNoticeBecomes脱岗CitingItsClause() {
        clock("08:12");
        QueueFixture.Floor f = QueueFixture.create(orgCommands, accounts, services, 1);
        String clerk = clerkOf(f);
        page.setViewportSize(1366, 768);

        // the clerk signs in at the window console: that is the day's sign-in
        login(clerk, OrgFixture.PASSWORD);
        page.navigate(url("/queue/console"));
        page.locator(".window-choices button", new Page.LocatorOptions().setHasText("10 号窗口")).click();
        assertThat(page.locator(".window-status")).hasText("空闲");
        AttendanceFixture.awaitListeners(jdbc);
        page.navigate(url("/attendance"));
        assertThat(page.locator("#att-status")).containsText("08:12 已签到");
        assertThat(page.locator("#att-status")).containsText("在叫号窗口签到");
        assertThat(page.locator("form[action$='/attendance/sign-in']")).hasCount(0);
        both(page, "attendance-mine-signed-in");
        // the supervisors' pages are not for window staff
        assertThat(page.navigate(url("/attendance/board")).status()).isEqualTo(403);

        // 10:00 the clerk pauses the window and goes away without a notice
        clock("10:00");
        page.navigate(url("/queue/console"));
        page.locator("button.act-pause").click();
        Locator pause = page.locator("#pause-dialog");
        pause.locator("select[name=reason]").selectOption("临时离岗");
        pause.locator("select[name=minutes]").selectOption("15");
        pause.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("暂停服务")).click();
        assertThat(page.locator(".window-status")).hasText("暂停服务");
        AttendanceFixture.awaitListeners(jdbc);

        // 40 minutes later the supervisor looks: away without notice on the board; the rule runs; 脱岗 with its clause
        clock("10:40");
        context.clearCookies();
        login(f.org().supervisor(), OrgFixture.PASSWORD);
        page.navigate(url("/attendance/board"));
        Locator row = page.locator(".att-board tbody tr", new Page.LocatorOptions().setHasText("窗口员0"));
        assertThat(row).containsText("未告知离岗");
        assertThat(row).containsText("自 10:00 离开窗口");
        assertThat(page.locator(".att-count.red strong")).hasText("1");
        both(page, "attendance-board-away");

        page.navigate(url("/attendance/findings"));
        assertThat(page.locator(".att-finding")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即检查")).click();
        assertThat(page.locator(".flash.ok")).hasText("检查完成，新认定 1 条");
        Locator finding = page.locator(".att-finding");
        assertThat(finding).hasCount(1);
        assertThat(finding).containsText("窗口员0");
        assertThat(finding).containsText("10号窗口");
        assertThat(finding.locator(".att-kind")).hasText("脱岗");
        assertThat(finding).containsText("10号窗口自 10:00 暂停服务（临时离岗）已 40 分钟，未履行离岗告知手续");
        assertThat(finding.locator(".att-rule code")).hasText("absence-without-notice");
        assertThat(finding.locator(".att-clause")).hasText("考勤及离岗告知制度 四.1、四.3");
        both(page, "attendance-findings");
        // a second run raises nothing new
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即检查")).click();
        assertThat(page.locator(".flash.ok")).hasText("检查完成，新认定 0 条");
        assertThat(page.locator(".att-finding")).hasCount(1);
    }

    @Test
    void aNoticeNeedsTheStandInAndTheWindowDisplayShowsTheSignUntilTheClerkIsBack() {
        clock("08:10");
        QueueFixture.Floor f = QueueFixture.create(orgCommands, accounts, services, 1);
        String clerk = clerkOf(f);
        String screen = devices.issue(f.centreId(), DeviceKind.WINDOW_DISPLAY, "10号窗口屏", f.windows()[0]).token();
        page.setViewportSize(1366, 768);
        login(clerk, OrgFixture.PASSWORD);
        page.navigate(url("/attendance"));
        assertThat(page.locator("#att-status")).containsText("未签到");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签到")).click();
        assertThat(page.locator(".flash.ok")).hasText("已签到");
        assertThat(page.locator("#att-status")).containsText("08:10 已签到");

        Page display = context.newPage();
        display.setViewportSize(1920, 1080);
        display.navigate(url("/devices/" + screen + "/window"));
        assertThat(display.locator("#qd-notice")).isHidden();

        // 10:00 a notice without a stand-in: refused, naming the B-post holder; nothing written
        clock("10:00");
        page.navigate(url("/attendance"));
        page.locator("#reason").fill("到医保局送审材料");
        page.locator("#contact").fill("138 0000 1111");
        page.locator("#expectedBack").fill("10:45");
        page.locator("#standIn").selectOption("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交离岗告知")).click();
        assertThat(page.locator(".flash.error")).hasText("10号窗口只有您一人，离岗前须安排替岗人员（建议：B岗 李秀英）");
        assertThat(page.locator("#reason")).hasValue("到医保局送审材料");
        both(page, "attendance-notice-refused");

        // with the proposed stand-in it is filed and the window display shows the 告知牌
        page.locator("#standIn").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("YB01 李秀英"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交离岗告知")).click();
        assertThat(page.locator(".flash.ok")).hasText("离岗告知已提交，窗口已显示告知牌");
        assertThat(page.locator("#att-notice-active")).containsText("预计 10:45 返回");
        both(page, "attendance-notice-filed");
        assertThat(display.locator("#qd-notice")).isVisible();
        assertThat(display.locator("#qd-notice-reason")).hasText("事由：到医保局送审材料");
        assertThat(display.locator("#qd-notice-back")).hasText("预计 10:45 返回");
        assertThat(display.locator("#qd-notice-stand-in")).hasText("替岗人员：李秀英");
        both(display, "attendance-window-notice-sign");
        // the display opened afterwards draws the sign at once
        display.reload();
        assertThat(display.locator("#qd-notice-away")).hasText("窗口员0 暂时离岗");

        // back at 10:40: the sign goes
        clock("10:40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("销假归岗")).click();
        assertThat(page.locator(".flash.ok")).hasText("已销假归岗");
        assertThat(display.locator("#qd-notice")).isHidden();

        // the centre office's monthly report
        context.clearCookies();
        login(f.org().office(), OrgFixture.PASSWORD);
        page.navigate(url("/attendance/report?month=2026-09"));
        assertThat(page.locator("#att-report-people")).containsText("窗口员0");
        assertThat(page.locator("#att-export")).isVisible();
        both(page, "attendance-report");
    }
}
