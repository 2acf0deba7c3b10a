package org.openhall.attendance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.attendance.internal.LeaveLeaders;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * ATT-2 in real browsers: a clerk asks for three days of leave, sees before submitting that both principal leaders must
 * approve and names a stand-in; each leader approves in their own browser; the request becomes APPROVED and the stand-in
 * finds the message in the inbox. The centre office's overview and leave settings, and a refused form (no stand-in)
 * shown inline. Screenshots at 1920×1080 and 1366×768 under target/screenshots/attendance-leave-*.
 */
@Import(LeaveFixture.Config.class)
class LeaveJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands org;
    @Autowired
    UserAccounts accounts;
    @Autowired
    LeaveLeaders leaders;
    @Autowired
    Notifications notifications;

    LeaveFixture.Centre c;

    @BeforeEach
    void centre() {
        LeaveFixture.CLOCK.set(LeaveFixture.NOW);
        c = LeaveFixture.create(org, accounts, leaders);
    }

    /** A browser of its own for another person, signed in through the login page. */
    Page signedIn(String username, int width, int height) {
        Browser browser = context.browser();
        BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("zh-CN"));
        other.setDefaultTimeout(15_000);
        Page p = other.newPage();
        login(p, url(""), username, OrgFixture.PASSWORD);
        return p;
    }

    Path shot(Page p, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    void fillThreeDays(Page p, boolean withStandIn) {
        p.navigate(url("/attendance/leave"));
        p.getByLabel("请假类型").selectOption("PERSONAL");
        p.getByLabel("开始日期").fill("2026-11-03");
        p.getByLabel("结束日期").fill("2026-11-05");
        if (withStandIn) {
            p.getByLabel("替岗人员").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("YB03 陈晓燕"));
        }
        p.getByLabel("请假事由").fill("回老家办理父亲住院手续并陪护");
    }

    @Test
    void threeDaysOfLeaveGoThroughBothPrincipalLeadersAndTheStandInIsTold() {
        page.setViewportSize(1920, 1080);
        login(c.org().clerk(), OrgFixture.PASSWORD);
        fillThreeDays(page, true);
        // the chain is shown before submitting
        assertThat(page.locator("#chain")).containsText("超过 2 天：由主要领导共同批准");
        assertThat(page.locator("#chain")).containsText("王丽娟");
        assertThat(page.locator("#chain")).containsText("郑国平");
        assertThat(page.locator("#chain")).containsText("共同审批");
        assertThat(page.locator("#chain")).containsText("共 3 个工作日");
        shot(page, "attendance-leave-new-1920");
        page.setViewportSize(1366, 768);
        shot(page, "attendance-leave-new-1366");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("提交申请")).click();
        page.waitForURL(Pattern.compile(".*/attendance/leave/\\d+$"));
        assertThat(page.locator("#status")).containsText("审批中");
        String detail = page.url();

        for (String leader : List.of(c.leader1(), c.leader2())) {
            Page p = signedIn(leader, 1920, 1080);
            p.navigate(url("/attendance/leave/queue"));
            assertThat(p.locator("#queue")).containsText("张伟");
            if (leader.equals(c.leader1())) {
                shot(p, "attendance-leave-queue-1920");
                p.setViewportSize(1366, 768);
                shot(p, "attendance-leave-queue-1366");
            }
            p.locator("#queue a", new Page.LocatorOptions().setHasText("查看")).first().click();
            p.getByLabel("意见（不同意时必填）").fill("同意，请做好工作交接");
            if (leader.equals(c.leader2())) {
                shot(p, "attendance-leave-decide-1920");
            }
            p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("同意").setExact(true)).click();
            p.waitForURL(Pattern.compile(".*/attendance/leave/queue$"));
            assertThat(p.locator(".flash.ok")).containsText("审批意见已记录");
            p.context().close();
        }

        page.navigate(detail);
        assertThat(page.locator("#status")).containsText("已批准");
        assertThat(page.locator(".chain-steps")).containsText("同意，请做好工作交接");
        page.setViewportSize(1920, 1080);
        shot(page, "attendance-leave-approved-1920");
        page.setViewportSize(1366, 768);
        shot(page, "attendance-leave-approved-1366");

        // the stand-in finds the message in the inbox (sent after the commit)
        awaitMessage(c.standIn());
        Page standIn = signedIn(c.standInLogin(), 1366, 768);
        standIn.navigate(url("/messages"));
        assertThat(standIn.locator("main")).containsText("替岗安排：张伟请假");
        shot(standIn, "attendance-leave-stand-in-messages-1366");
        standIn.context().close();

        // the centre office's overview
        Page office = signedIn(c.org().office(), 1920, 1080);
        office.navigate(url("/attendance/leave/overview?from=2026-11-01&to=2026-11-30"));
        assertThat(office.locator("#overview")).containsText("张伟");
        assertThat(office.locator("#overview")).containsText("已批准");
        shot(office, "attendance-leave-overview-1920");
        office.setViewportSize(1366, 768);
        shot(office, "attendance-leave-overview-1366");
        office.navigate(url("/attendance/leave/settings"));
        assertThat(office.locator(".leave-settings")).containsText("郑国平");
        shot(office, "attendance-leave-settings-1366");
        office.setViewportSize(1920, 1080);
        shot(office, "attendance-leave-settings-1920");
        office.context().close();

        assertThat(Files.exists(Path.of("target", "screenshots", "attendance-leave-approved-1366.png"))).isTrue();
    }

    @Test
    void aFormWithoutTheStandInIsShownAgainWithTheReason() {
        login(c.org().clerk(), OrgFixture.PASSWORD);
        fillThreeDays(page, false);
        assertThat(page.locator("#chain")).containsText("须指定替岗人员");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#leave-error")).containsText("请假超过 2 天须指定替岗人员");
        assertThat(page.getByLabel("请假事由")).hasValue("回老家办理父亲住院手续并陪护");
        assertThat(page.locator("#my-requests")).hasCount(0);
        shot(page, "attendance-leave-refused-1366");
    }

    void awaitMessage(long staffId) {
        for (int i = 0; i < 200; i++) {
            if (!notifications.messages(Inbox.staff(staffId), 5).isEmpty()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no message for staff " + staffId);
    }
}
