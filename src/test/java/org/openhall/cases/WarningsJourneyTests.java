package org.openhall.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The 电子监察 pages in a real browser at 1366×768 (CASE-5): the centre office scans from the warnings board and sees
 * red before yellow with the working days overdue or left; the warning reaches the handler's inbox; a DEPT_HEAD sees
 * their department only; WINDOW_STAFF is refused; the on-time rate per item and per handler, sorted by rate.
 */
@TestPropertySource(properties = "openhall.cases.warnings.enabled=false")
class WarningsJourneyTests extends BrowserTestSupport {

    /** 2026-09-30, the last working day before National Day. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-09-30T01:30:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    OrganizationCommands commands;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;

    OrgFixture.Org o;
    WarningTestCases cases;
    long firstRed;

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @BeforeEach
    void data() {
        o = OrgFixture.create(commands, accounts);
        cases = new WarningTestCases(jdbc, o.centreId());
        long[] med = o.medicalStaff();
        long[] emp = o.employmentStaff();
        firstRed = cases.processing("YB-0101", "城乡居民基本医疗保险参保登记", o.medical(), med[1], d("2026-09-24"));
        cases.processing("YB-0102", "异地就医备案", o.medical(), med[2], d("2026-09-29"));
        cases.processing("YB-0103", "医疗费用手工（零星）报销", o.medical(), null, d("2026-09-30"));
        cases.processing("YB-0104", "门诊慢特病待遇认定", o.medical(), med[1], d("2026-10-08"));
        cases.processing("YB-0105", "医保关系转移接续", o.medical(), med[2], d("2026-10-09"));
        cases.insert("YB-0106", "生育保险待遇核准", o.medical(), null, med[1], CaseStatus.SUSPENDED, d("2026-09-20"), null, null);
        long joint = cases.processing("JY-0201", "就业困难人员认定", o.employment(), emp[1], d("2026-10-08"));
        cases.step(joint, "OPINION", o.medical(), med[2], d("2026-09-28"), "OPEN");
        cases.processing("JY-0202", "失业保险金申领", o.employment(), emp[2], d("2026-09-25"));
        cases.processing("JY-0203", "创业担保贷款申请", o.employment(), emp[1], d("2026-10-13"));
        // completed in September: for the on-time rate
        Instant sept = Instant.parse("2026-09-15T03:00:00Z");
        for (int i = 0; i < 7; i++) {
            cases.insert("YB-0101", "城乡居民基本医疗保险参保登记", o.medical(), o.windowId(), med[1], CaseStatus.COMPLETED,
                    d("2026-09-18"), sept, i != 3);
        }
        for (int i = 0; i < 3; i++) {
            cases.insert("YB-0102", "异地就医备案", o.medical(), o.windowId(), med[2], CaseStatus.ARCHIVED, d("2026-09-18"),
                    sept, true);
        }
        cases.insert("JY-0202", "失业保险金申领", o.employment(), null, emp[2], CaseStatus.COMPLETED, d("2026-09-10"), sept, false);
        cases.insert("JY-0202", "失业保险金申领", o.employment(), null, emp[2], CaseStatus.COMPLETED, d("2026-09-25"), sept, true);
    }

    Locator rows() {
        return page.locator("#warnings-board table tbody tr");
    }

    @Test
    void theCentreOfficeScansAndSeesRedBeforeYellow() {
        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/warnings"));
        assertThat(page.locator("h1")).hasText("电子监察预警");
        assertThat(page.locator(".cw-scan")).containsText("尚未扫描");
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText("当前没有红牌或黄牌预警");
        screenshot("cases-warnings-01-before-scan");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即扫描")).click();
        assertThat(page.locator("#warnings-board .flash.ok")).containsText("扫描完成：新增红牌办件 3 件、黄牌办件 3 件，红牌环节 1 个、黄牌环节 0 个");
        assertThat(page.locator(".cw-count.red").first()).containsText("3");
        assertThat(page.locator(".cw-scan")).containsText("上次扫描：2026-09-30 09:30");
        assertThat(rows()).hasCount(7);
        // red first, by due date: 09-24, 09-25, 09-28 (the opinion step), 09-29; then yellow 09-30, 10-08, 10-08
        assertThat(rows().nth(0)).containsText(cases.number(firstRed));
        assertThat(rows().nth(0)).containsText("超期 3 个工作日"); // 09-25..27 are the Mid-Autumn holiday: 28, 29, 30
        assertThat(rows().nth(0)).containsText("张伟");
        assertThat(rows().nth(2)).containsText("会签意见");
        assertThat(rows().nth(4)).containsText("黄牌");
        assertThat(rows().nth(4)).containsText("今日到期");
        assertThat(rows().nth(4)).containsText("未指派");
        assertThat(rows().nth(5)).containsText("剩余 1 个工作日");
        assertThat(page.locator("#warnings-board")).not().containsText("生育保险待遇核准"); // suspended
        assertThat(page.locator("#warnings-board")).not().containsText("医保关系转移接续"); // two working days away
        assertThat(rows().nth(0).locator("a")).hasAttribute("href", "/cases/" + cases.number(firstRed));
        screenshot("cases-warnings-02-after-scan");

        page.getByLabel("预警等级").selectOption("YELLOW");
        assertThat(rows()).hasCount(3);
        assertThat(rows().first()).containsText("黄牌");
        page.getByLabel("部门").selectOption(String.valueOf(o.employment()));
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText("就业困难人员认定");
        screenshot("cases-warnings-03-filtered");

        // the handler of the first red case finds the warning in the inbox
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notifications.messages(Inbox.staff(o.medicalStaff()[1]), 10))
                        .anySatisfy(m -> assertThat(m.subject()).isEqualTo("红牌预警：办件 " + cases.number(firstRed) + " 已超期")));

        page.navigate(url("/cases/warnings?lang=en"));
        assertThat(page.locator("h1")).hasText("Deadline warnings");
        screenshot("cases-warnings-04-english");
    }

    @Test
    void aDepartmentHeadSeesTheirDepartmentAndAWindowClerkNothing() {
        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/warnings"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即扫描")).click();
        assertThat(page.locator("#warnings-board .flash.ok")).isVisible();
        page.locator("button.link").click(); // 退出

        login(o.medicalHead(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/warnings"));
        assertThat(rows()).hasCount(5); // the four medical cases and the opinion asked of 医保中心
        assertThat(page.locator("#warnings-board")).not().containsText("失业保险金申领");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即扫描"))).hasCount(0);
        assertThat(page.locator("#department-filter option")).hasCount(1);
        screenshot("cases-warnings-05-dept-head");
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        String csrfHeader = page.locator("meta[name=_csrf_header]").getAttribute("content");
        var forbidden = page.request().post(url("/cases/warnings/scan"),
                com.microsoft.playwright.options.RequestOptions.create().setHeader(csrfHeader, csrf));
        assertThat(forbidden.status()).isEqualTo(403);
        page.locator("button.link").click();

        login(o.clerk(), OrgFixture.PASSWORD);
        Response r = page.navigate(url("/cases/warnings"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(page.navigate(url("/cases/stats")).status()).isEqualTo(403);
    }

    @Test
    void theLeaderReadsTheOnTimeRateSortedByRate() {
        login(o.leader(), OrgFixture.PASSWORD);
        page.navigate(url("/cases/stats"));
        assertThat(page.locator("h1")).hasText("办结率统计");
        assertThat(page.getByLabel("自")).hasValue("2026-09-01");
        assertThat(page.getByLabel("至")).hasValue("2026-09-30");
        Locator body = page.locator("#stats-results table tbody tr");
        assertThat(body).hasCount(3); // the items with a completion or an overdue open case
        Locator total = page.locator("#stats-results tfoot tr");
        assertThat(total).containsText("12"); // completed
        assertThat(total).containsText("10"); // on time: 6 + 3 + 1
        assertThat(total).containsText("83.3%");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("按时办结率")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=rate&dir=desc.*"));
        assertThat(body.first()).containsText("异地就医备案");
        assertThat(body.first()).containsText("100.0%");
        screenshot("cases-warnings-06-stats-by-item");

        page.getByLabel("统计维度").selectOption("staff");
        assertThat(page.locator("#stats-results thead th").first()).containsText("经办人");
        assertThat(body).hasCount(3);
        assertThat(body.first()).containsText("陈晓燕"); // 3 of 3, still sorted by rate
        assertThat(page.locator("#stats-results")).containsText("85.7%"); // 张伟: 6 of 7
        assertThat(page.locator("#stats-results")).containsText("50.0%"); // 赵磊: 1 of 2
        screenshot("cases-warnings-07-stats-by-staff");

        page.getByLabel("至").fill("2026-08-01");
        page.getByLabel("至").dispatchEvent("change");
        assertThat(page.locator("#stats-results .flash.error")).hasText("结束日期不能早于开始日期");
    }
}
