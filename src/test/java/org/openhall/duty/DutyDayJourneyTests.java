package org.openhall.duty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openhall.duty.DutyDayFixture.MONDAY;
import static org.openhall.duty.DutyDayFixture.at;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.QueueFixture;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisor's day in real browsers (DUTY-3..DUTY-5): Monday's supervisor opens the security door in time, inspects
 * window 5 on a tablet (1024×768) with a finding "not at post", is refused the submission before the closing checklist,
 * hands over to Tuesday's supervisor, who confirms in their own browser, closes the day and submits it; the centre
 * office sees the day submitted and opens it read-only. Screenshots at 1920×1080, 1366×768 and 1024×768.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class DutyDayJourneyTests extends BrowserTestSupport {

    static final MutableClock CLOCK = QueueFixture.CLOCK;

    @Autowired
    OrganizationCommands org;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarApi calendar;

    DutyDayFixture.Centre c;
    LocalDate tuesday;

    @BeforeEach
    void centre() {
        CLOCK.set(at(MONDAY, 8, 15));
        c = DutyDayFixture.create(org, accounts);
        tuesday = calendar.addWorkingDays(c.org().code(), MONDAY, 1);
        DutyDayFixture.publish(jdbc, c.centreId(), new LocalDate[] {MONDAY, tuesday},
                new long[] {c.supervisorA(), c.supervisorB()});
    }

    Locator section(Page p, String headingId) {
        return p.locator("section.card:has(#" + headingId + ")");
    }

    Page signIn(BrowserContext ctx, String user) {
        Page p = ctx.newPage();
        login(p, url(""), user, OrgFixture.PASSWORD);
        return p;
    }

    void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    @Test
    void aSupervisorKeepsTheDayHandsOverAndTheOfficeSeesIt() {
        login(c.supervisorALogin(), OrgFixture.PASSWORD);
        page.navigate(url("/duty/day"));
        assertThat(page.locator("h1")).containsText("督导员值班 · 2026-09-28");
        assertThat(page.locator(".dd-note").first()).containsText("今日值班表上的督导员：刘芳");

        // opening checklist, 08:15: in time for 08:20 (四.4)
        Locator opening = section(page, "dd-opening-h");
        assertThat(opening).containsText("联系保安开启中心窗口安全门");
        assertThat(opening).containsText("应于 08:20 前完成");
        opening.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.locator(".flash.ok")).hasText("已记录完成时间。");
        assertThat(section(page, "dd-opening-h")).containsText("08:15 已完成");
        assertThat(section(page, "dd-opening-h").locator(".tag.off")).hasCount(0);

        // an inspection on the tablet, 10:05: window 5, 张伟 not at his post
        CLOCK.set(at(MONDAY, 10, 5));
        page.setViewportSize(1024, 768);
        page.getByText("新建巡查").click();
        assertThat(page.locator("h1")).containsText("窗口巡查");
        page.locator(".dd-window").filter(new Locator.FilterOptions().setHasText("5号")).click();
        assertThat(page.locator(".dd-window.chosen")).containsText("医保参保登记");
        assertThat(page.locator("input[name=staffId]:checked")).hasCount(1);
        assertThat(page.locator(".dd-aspect")).hasCount(7);
        Locator atPost = page.locator(".dd-aspect").filter(new Locator.FilterOptions().setHasText("到岗"));
        atPost.getByText("有问题").click();
        atPost.locator(".dd-aspect-note").fill("10:05 不在岗，未摆放暂停服务牌");
        // the touch targets of the form are large
        assertThat(atPost.locator(".dd-choice span").first().boundingBox().height).isGreaterThanOrEqualTo(44);
        assertThat(page.locator(".dd-save").boundingBox().height).isGreaterThanOrEqualTo(44);
        shot(page, "duty-day-inspection-1024");
        page.locator(".dd-save").click();
        assertThat(page.locator(".flash.ok")).hasText("巡查已保存。");
        Locator inspections = section(page, "dd-insp-h");
        assertThat(inspections).containsText("5号窗口 医保参保登记");
        assertThat(inspections).containsText("张伟");
        assertThat(inspections).containsText("10:05 不在岗，未摆放暂停服务牌");
        assertThat(inspections).containsText("已记入考勤");
        assertThat(jdbc.sql("select count(*) from att_finding where centre_id = ? and rule_code = 'inspection-not-at-post'")
                .param(c.centreId()).query(Integer.class).single()).isEqualTo(1);
        page.setViewportSize(1366, 768);

        // the duty log
        section(page, "dd-log-h").getByLabel("当日办理业务").fill("受理社保、医保业务共126件，办结118件");
        section(page, "dd-log-h").getByLabel("发生和解决的主要问题").fill("5号窗口人员离岗，已当场提醒");
        section(page, "dd-log-h").getByText("保存值班记录").click();
        assertThat(page.locator(".flash.ok")).hasText("值班记录已保存。");

        // submitting before the closing checklist is refused, nothing changes
        page.getByText("提交当日值班记录").click();
        assertThat(page.locator(".flash.error")).hasText("下班前检查还有 4 项未完成，不能提交。");
        assertThat(page.locator(".dd-head .tag").first()).hasText("进行中");

        // the handover, 17:10, to Tuesday's supervisor
        CLOCK.set(at(MONDAY, 17, 10));
        page.reload();
        Locator handover = section(page, "dd-handover-h");
        assertThat(handover.locator("select[name=toStaffId] option")).hasText(new String[] {"赵磊"});
        handover.getByLabel("重点事项").fill("5号窗口叫号机偶发卡纸，已报修，明日上午维修");
        handover.getByText("交接", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".flash.ok")).hasText("已交接，等待接班督导员确认。");
        assertThat(section(page, "dd-handover-h")).containsText("待接班人确认");
        shot(page, "duty-day-1366");

        // Tuesday's supervisor confirms in their own browser
        BrowserContext other = context.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN"));
        try {
            CLOCK.set(at(MONDAY, 17, 15));
            Page b = signIn(other, c.supervisorBLogin());
            b.navigate(url("/duty/day"));
            assertThat(b.locator(".flash.error")).containsText("您不是 2026-09-28 值班表上的督导员");
            Locator awaiting = b.locator(".dd-awaiting");
            assertThat(awaiting).containsText("5号窗口叫号机偶发卡纸");
            assertThat(awaiting).containsText("桌牌已移交");
            awaiting.getByText("确认接收").click();
            assertThat(b.locator(".flash.ok")).hasText("已确认接收桌牌、胸牌和重点事项。");
            assertThat(b.locator(".dd-awaiting")).hasCount(0);
        } finally {
            other.close();
        }

        // the closing checklist and the submission, 17:22
        CLOCK.set(at(MONDAY, 17, 22));
        page.reload();
        assertThat(section(page, "dd-handover-h")).containsText("接班人已确认");
        for (int i = 0; i < 4; i++) {
            section(page, "dd-closing-h").getByText("完成", new Locator.GetByTextOptions().setExact(true)).first().click();
            assertThat(page.locator(".flash.ok")).hasText("已记录完成时间。");
        }
        // closed 2 minutes after 17:20: late
        assertThat(section(page, "dd-closing-h").locator(".tag.off")).hasCount(1);
        page.getByText("提交当日值班记录").click();
        assertThat(page.locator(".flash.ok")).hasText("当日值班记录已提交中心办公室。");
        assertThat(page.locator(".dd-head .tag").first()).hasText("已提交");
        assertThat(page.locator("form[action$='/submit']")).hasCount(0);
        page.setViewportSize(1920, 1080);
        shot(page, "duty-day-1920");

        // the centre office sees the day submitted and opens it read-only
        BrowserContext office = context.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN"));
        try {
            Page o = signIn(office, c.org().office());
            Response r = o.navigate(url("/duty/days"));
            assertThat(r.status()).isEqualTo(200);
            Locator monday = o.locator(".dd-overview tbody tr").first();
            assertThat(monday).containsText("2026-09-28");
            assertThat(monday).containsText("按时提交");
            assertThat(monday).containsText("刘芳");
            assertThat(o.locator(".dd-count").nth(2)).containsText("未提交");
            shot(o, "duty-day-overview-1366");
            monday.getByText("查看").click();
            assertThat(o.locator("h1")).containsText("督导值班记录 · 2026-09-28");
            assertThat(o.locator("body")).containsText("10:05 不在岗，未摆放暂停服务牌");
            assertThat(o.locator("body")).containsText("受理社保、医保业务共126件");
            assertThat(o.locator("form[method=post]")).hasCount(1); // only the logout form
            o.setViewportSize(1920, 1080);
            shot(o, "duty-day-record-1920");
            // the same record as a PDF (shared.pdf), in Chinese
            var pdf = o.request().get(url("/duty/days/2026-09-28/pdf"));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
            try (var doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("督导值班记录", "联系保安开启中心窗口安全门", "10:05 不在岗，未摆放暂停服务牌",
                        "赵磊", "受理社保、医保业务共126件");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // the office cannot keep the supervisor's day
            assertThat(o.navigate(url("/duty/day")).status()).isEqualTo(403);
        } finally {
            office.close();
        }
    }
}
