package org.openhall.calendar.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue #2 item 7: the calendar page in a real browser, as the administrator and the centre office use it. */
class CalendarJourneyTests extends BrowserTestSupport {

    @Autowired
    UserAccounts accounts;
    @Autowired
    CalendarApi api;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    static final String PASSWORD = "Kalender-2026!";

    void officeUser(String username, long centreId, String code) {
        tx.executeWithoutResult(s -> api.registerCentre(centreId, code, "示范县社会保险服务中心"));
        if (!accounts.exists(username)) {
            accounts.create(new UserAccounts.NewAccount(username, PASSWORD, "办公室王芳", Set.of(Role.CENTRE_OFFICE), centreId, null, null));
        }
    }

    void adminUser(String username) {
        if (!accounts.exists(username)) {
            accounts.create(new UserAccounts.NewAccount(username, PASSWORD, "管理员李明", Set.of(Role.ADMIN), null, null, null));
        }
    }

    Locator cell(String date) {
        return page.locator("td[data-date='" + date + "']");
    }

    @Test
    void theAdministratorSeesTheYearImportsANewOneAndABadFileChangesNothing() {
        // a national year applies to every centre: only an ADMIN imports it (SEC-1)
        adminUser("cal-admin");
        login("cal-admin", PASSWORD);
        page.navigate(url("/calendar?centre=&year=2026"));

        assertThat(page.locator("h1")).hasText("工作日历");
        assertThat(cell("2026-10-01")).hasClass(Pattern.compile("holiday"));
        assertThat(cell("2026-10-01")).hasAttribute("title", "2026-10-01 国庆节 · 休");
        assertThat(cell("2026-10-10")).hasClass(Pattern.compile("adjusted"));
        assertThat(cell("2026-10-10")).hasAttribute("title", "2026-10-10 国庆节调休 · 班");
        assertThat(cell("2026-10-10").locator(".mark")).hasText("班");
        assertThat(cell("2026-10-12")).hasClass("work");
        Locator october = page.locator(".cal-month").nth(9);
        assertThat(october.locator(".cal-runs")).containsText("10/1–10/7");
        assertThat(october.locator(".cal-runs")).containsText("国庆节调休");
        assertThat(page.locator(".cal-status")).containsText("全年工作日 248 天，休息日 117 天");
        screenshot("calendar-2026");

        // upload a 2027 file: the report and the new year
        page.setInputFiles("#cal-file", Paths.get("src/test/resources/calendar/2027-sample.json"));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("导入")).click();
        assertThat(page).hasURL(Pattern.compile("year=2027"));
        Locator report = page.locator(".cal-report");
        assertThat(report).containsText("已导入 2027 年全国节假日安排（新增年份）");
        assertThat(report).containsText("新增 33 天");
        assertThat(report).containsText("文件列出休息日 29 天、调休上班 4 天。");
        // consecutive days with the same change are one line: 2027 has 11 blocks of holidays and 调休 days
        assertThat(report.locator("tbody tr")).hasCount(11);
        assertThat(report.locator("tbody tr").nth(1)).containsText("2027-02-06 – 02-14");
        assertThat(report.locator("tbody tr").nth(1)).containsText("春节 · 休");
        assertThat(cell("2027-10-09")).hasClass(Pattern.compile("adjusted"));
        assertThat(cell("2027-10-09")).hasAttribute("title", "2027-10-09 国庆节调休 · 班");
        assertThat(cell("2027-02-08")).hasClass(Pattern.compile("holiday"));
        assertThat(page.locator(".cal-status")).containsText("已导入");
        screenshot("calendar-2027-import-report");
        assertThat(api.loadedYears()).contains(2027);

        // a bad file: inline Chinese errors, nothing written
        page.setInputFiles("#cal-file", Paths.get("src/test/resources/calendar/2028-bad.json"));
        page.locator("form.cal-import button[type=submit]").click();
        Locator errors = page.locator("#cal-import-errors");
        assertThat(errors).isVisible();
        assertThat(errors).isInViewport(); // the page opens at the form, not at the top
        assertThat(errors).containsText("文件“2028-bad.json”未导入，系统未作任何修改");
        assertThat(errors).containsText("第 2 项的日期 2027-10-01 不属于 2028 年");
        assertThat(errors).containsText("第 3 项缺少名称 name");
        assertThat(page.locator("#cal-file")).hasClass(Pattern.compile("invalid"));
        screenshot("calendar-import-error");
        assertThat(api.loadedYears()).doesNotContain(2028);
        assertThat(api.day(null, LocalDate.of(2027, 10, 1)).name()).isEqualTo("国庆节");
    }

    @Test
    void theCentreOfficeKeepsItsOwnCalendarByKeyboard() {
        officeUser("cal-office-b", 9302, "JRN-B");
        login("cal-office-b", PASSWORD);
        page.navigate(url("/calendar?centre=JRN-B&year=2026"));
        assertThat(page.locator("#cal-centre")).hasValue("JRN-B");

        // a closing time before the opening time is refused inline
        page.locator("#cal-opens").fill("09:00");
        page.locator("#cal-closes").fill("08:00");
        page.locator("#cal-closes").press("Enter");
        assertThat(page.locator("#cal-settings-title + form .field-error")).hasText("关门时间须晚于开门时间");
        assertThat(api.openingHours("JRN-B").closes().toString()).isEqualTo("17:30");

        // the fallback and opening hours, saved
        page.locator("#cal-fallback").check();
        page.locator("#cal-opens").fill("08:00");
        page.locator("#cal-closes").fill("17:00");
        page.locator("#cal-closes").press("Enter");
        assertThat(page.locator(".flash.ok")).hasText("中心日历设置已保存");
        assertThat(page.locator(".cal-status")).containsText("开放时间 08:00–17:00（Asia/Shanghai）");

        // a local holiday, typed and submitted with the keyboard
        page.locator("#cal-day-date").fill("2026-06-01");
        page.locator("#cal-day-kind").selectOption("off");
        page.locator("#cal-day-name").fill("县庆");
        page.locator("#cal-day-name").press("Enter");
        assertThat(page.locator(".flash.ok")).hasText("已添加本中心日期");
        assertThat(cell("2026-06-01")).hasClass(Pattern.compile("holiday local"));
        assertThat(page.locator("#cal-days-title + table")).containsText("县庆");
        assertThat(api.isWorkingDay("JRN-B", LocalDate.of(2026, 6, 1))).isFalse();

        // today, by the application's clock, is marked in its year (the fallback covers any year)
        LocalDate today = LocalDate.ofInstant(clock.instant(), api.zone("JRN-B"));
        page.navigate(url("/calendar?centre=JRN-B&year=" + today.getYear()));
        assertThat(cell(today.toString())).hasClass(Pattern.compile("today"));
        page.navigate(url("/calendar?centre=JRN-B&year=2026"));
        screenshot("calendar-centre");

        // remove the local day again
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("删除 2026-06-01 县庆")).click();
        assertThat(page.locator(".flash.ok")).hasText("已删除本中心日期");
        assertThat(api.isWorkingDay("JRN-B", LocalDate.of(2026, 6, 1))).isTrue();

        // and in English
        page.navigate(url("/calendar?centre=&year=2026&lang=en"));
        assertThat(page.locator("h1")).hasText("Working-day calendar");
        assertThat(cell("2026-10-10")).hasAttribute("title", "2026-10-10 国庆节调休 · work");
        screenshot("calendar-2026-en");
    }
}
