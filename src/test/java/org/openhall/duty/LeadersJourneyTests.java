package org.openhall.duty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * DUTY-6 and DUTY-7 in a real browser: the head of 医保中心 reports next week's sit-in day (a Saturday is refused with a
 * clear message); on that day the centre office marks her present, and 劳动就业中心, which reported nothing, is on the
 * month's non-compliance list and in its .xlsx; the centre's leader takes the day's 带班; an incident is reported by the
 * supervisor, escalated, handled by the leader and closed (not without a summary). Screenshots at 1920×1080 and
 * 1366×768 under target/screenshots.
 */
@Import(LeadersTestClock.class)
class LeadersJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands commands;

    @Autowired
    UserAccounts accounts;

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    void shots(String name) {
        page.setViewportSize(1920, 1080);
        screenshot(name + "-1920");
        page.setViewportSize(1366, 768);
        screenshot(name + "-1366");
    }

    void loginAs(String user) {
        context.clearCookies();
        login(user, OrgFixture.PASSWORD);
    }

    @Test
    void aHeadReportsTheOfficeRegistersAndAnIncidentIsHandledToItsClose() throws Exception {
        LeadersTestClock.CLOCK.set(LeadersTestClock.WEDNESDAY);
        LeadersFixture.Centre c = LeadersFixture.create(commands, accounts);
        OrgFixture.Org o = c.org();

        // Wednesday 2 December: the head of 医保中心 reports next week's day
        loginAs(o.medicalHead());
        page.navigate(url("/duty/leaders"));
        assertThat(page.locator("#report-department")).hasText("医保中心");
        assertThat(page.locator("#report")).containsText("2026-12-04");
        page.locator("#leaderStaffId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("李秀英 · 窗口受理员"));
        page.locator("#day").fill("2026-12-12");
        button("报备").click();
        assertThat(page.locator("#report-error")).hasText("2026-12-12 不是工作日，请选择工作日坐班");
        assertThat(page.locator("#dept-reports tbody")).containsText("尚无报备");
        page.locator("#leaderStaffId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("李秀英 · 窗口受理员"));
        page.locator("#day").fill("2026-12-09");
        button("报备").click();
        assertThat(page.locator(".flash.ok")).hasText("已报备：李秀英 于 2026-12-09 坐班");
        assertThat(page.locator("#dept-reports tbody tr")).hasCount(1);
        assertThat(page.locator("#dept-reports tbody tr").first()).containsText("待登记");
        shots("duty-leaders-01-report");

        // Wednesday 9 December: the centre's leader takes the day's 带班
        LeadersTestClock.CLOCK.set(LeadersTestClock.at10("2026-12-09"));
        loginAs(c.leader());
        page.navigate(url("/duty/leaders"));
        button("我来带班").click();
        assertThat(page.locator("#shift-leader")).hasText("王丽娟");
        page.locator("#briefing").fill("上午为业务高峰，5、6号窗口增开；督导员加强一楼引导，老年群众优先使用帮办窗口。");
        page.locator("#shift form").first().getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator(".flash.ok")).hasText("早会安排已保存");
        page.locator("#note").fill("巡查二楼C区，9号窗口暂停服务未放告知牌，已当场提醒。");
        button("添加督导记录").click();
        assertThat(page.locator("#shift-notes li")).hasCount(1);
        shots("duty-leaders-02-shift");

        // the office marks the head present; 劳动就业中心 reported nothing
        loginAs(o.office());
        page.navigate(url("/duty/leaders/overview"));
        Locator cell = page.locator("#week-0 tr[data-department='医保中心'] .sitin[data-leader='李秀英']");
        assertThat(cell.locator(".attendance")).hasText("待登记");
        cell.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("到岗").setExact(true)).click();
        assertThat(page.locator(".flash.ok")).hasText("已登记：李秀英 已到岗");
        assertThat(page.locator("#week-0 tr[data-department='医保中心'] .sitin[data-leader='李秀英'] .attendance"))
                .hasText("已到岗");
        assertThat(page.locator("#shift-today")).hasText("今日带班：王丽娟");
        assertThat(page.locator("#week-0 tr[data-department='劳动就业中心'] .no-report")).hasText("未报备");
        assertThat(page.locator("#week-0 tr[data-department='医保中心'] .no-report")).hasCount(0);
        shots("duty-leaders-03-overview");

        page.locator("#link-noncompliance").click();
        assertThat(page.locator("#month")).hasValue("2026-12");
        Locator jy = page.locator("#noncompliance tr[data-department='劳动就业中心']");
        assertThat(jy).hasCount(1);
        assertThat(jy).containsText("未报备坐班时间");
        assertThat(jy).containsText("2026-12-07 至 2026-12-13");
        assertThat(page.locator("#noncompliance tr[data-department='医保中心']")).hasCount(0);
        shots("duty-leaders-04-noncompliance");
        APIResponse xlsx = page.request().get(url(page.locator("#export-xlsx").getAttribute("href")));
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getRow(3).getCell(2).getStringCellValue()).isEqualTo("劳动就业中心");
            assertThat(wb.getSheetAt(0).getRow(3).getCell(4).getStringCellValue()).isEqualTo("未报备坐班时间");
        }

        // 10:40: the supervisor reports an incident and escalates it
        LeadersTestClock.CLOCK.set(java.time.Instant.parse("2026-12-09T02:40:00Z"));
        loginAs(o.supervisor());
        page.navigate(url("/duty/incidents"));
        page.locator("#new-incident").click();
        page.locator("#kind").selectOption("CONFLICT");
        page.locator("#place").fill("一楼A区3号窗口");
        page.locator("#occurredAt").fill("2026-12-09T10:35");
        page.locator("#peopleAffected").fill("2");
        page.locator("#description").fill("两位群众因排队顺序发生争执，情绪激动，影响周边窗口办理。");
        shots("duty-incident-01-form");
        button("报告").click();
        assertThat(page.locator("#incident-status")).hasText("已报告");
        page.locator("#escalate").click();
        assertThat(page.locator("#incident-status")).hasText("已上报领导");
        assertThat(page.locator("#escalated-to")).hasText("王丽娟");
        shots("duty-incident-02-escalated");

        // the leader handles it and closes it, not without a summary
        loginAs(c.leader());
        page.navigate(url("/duty/incidents?open=true"));
        page.locator("#incidents tbody tr").first().getByRole(AriaRole.LINK).click();
        page.locator("#action").fill("到场劝解，安排两位群众分别到1号综合窗口优先办理，督导员维持排队秩序。");
        button("记录处置措施").click();
        assertThat(page.locator("#incident-status")).hasText("处置中");
        page.locator("#close").click();
        assertThat(page.locator("#close-error")).hasText("结案须填写处置总结");
        assertThat(page.locator("#incident-status")).hasText("处置中");
        page.locator("#summary").fill("争执已平息，两位群众业务均已办结，无人员受伤；已提醒叫号屏下方增加排队须知。");
        page.locator("#close").click();
        assertThat(page.locator("#incident-status")).hasText("已结案");
        assertThat(page.locator("#steps tbody tr")).hasCount(4);
        assertThat(page.locator("#escalate")).hasCount(0);
        shots("duty-incident-03-closed");

        page.navigate(url("/messages"));
        assertThat(page.locator("main")).containsText("突发事件上报：纠纷冲突（一楼A区3号窗口）");
    }
}
