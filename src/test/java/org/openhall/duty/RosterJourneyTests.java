package org.openhall.duty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The roster pages in a real browser (DUTY-1, DUTY-2): the centre office has the solver plan the next fortnight, takes
 * a duty staff off a day and is warned that the day is left with one, is refused on publish, puts someone back and
 * publishes; a clerk then files a substitute for their own duty and the office acknowledges it.
 */
@TestPropertySource(properties = {"openhall.duty.roster.solve-limit=5s", "openhall.duty.roster.unimproved-limit=1s"})
class RosterJourneyTests extends BrowserTestSupport {

    /** Tuesday 2026-11-24 09:00 in Shanghai. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-24T01:00:00Z"));

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired
    OrganizationCommands commands;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    OrgFixture.Org o;

    @BeforeEach
    void data() {
        o = OrgFixture.create(commands, accounts);
    }

    Locator staffCell(LocalDate day) {
        return page.locator("td.dr-cell[data-day='" + day + "'][data-role='STAFF']");
    }

    void both(String name) {
        screenshot(name + "-1366");
        page.setViewportSize(1920, 1080);
        screenshot(name + "-1920");
        page.setViewportSize(1366, 768);
    }

    @Test
    void theOfficeGeneratesEditsAndPublishesTheNextFortnight() {
        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/duty/rosters"));
        assertThat(page.locator("h1")).hasText("值班表（排班）");
        assertThat(page.locator("#firstDay")).hasValue(MONDAY.toString());
        assertThat(page.locator(".dr-today")).containsText("今天没有已发布的值班安排");
        both("duty-roster-01-list");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("生成草稿")).click();
        assertThat(page.locator(".flash.ok")).containsText("已生成 2026-11-30 至 2026-12-13 的值班表草稿");
        assertThat(page.locator("#roster-status")).hasText("草稿");
        assertThat(page.locator(".dr-week")).hasCount(2);
        assertThat(page.locator(".dr-warnings")).containsText("没有问题，可以发布");
        assertThat(staffCell(MONDAY).locator(".dr-duty")).hasCount(2);
        both("duty-roster-02-draft");

        // one change: take a duty staff off Monday
        Locator first = staffCell(MONDAY).locator(".dr-duty").first();
        String removed = first.locator(".dr-name").innerText();
        first.locator("summary").click();
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("移出")).click();
        assertThat(page.locator(".dr-edit-warnings")).containsText("2026-11-30：值班人员只有 1 人，至少需要 2 人");
        assertThat(staffCell(MONDAY)).hasClass(java.util.regex.Pattern.compile("short"));
        assertThat(page.locator(".dr-warnings li.blocking")).hasCount(1);
        both("duty-roster-03-warned");

        // publishing is refused while the day is short
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        assertThat(page.locator(".flash.error")).containsText("不能发布：2026-11-30");
        assertThat(page.locator("#roster-status")).hasText("草稿");

        // fixed: the person is put back
        staffCell(MONDAY).locator(".dr-add summary").click();
        staffCell(MONDAY).locator(".dr-add select").selectOption(new SelectOption().setLabel(removed));
        staffCell(MONDAY).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("添加")).click();
        assertThat(page.locator(".flash.ok")).containsText("已调整");
        assertThat(page.locator(".dr-warnings")).containsText("没有问题，可以发布");
        assertThat(staffCell(MONDAY).locator(".dr-duty")).hasCount(2);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();
        assertThat(page.locator(".flash.ok")).containsText("值班表已发布，值班时间已通知考勤");
        assertThat(page.locator("#roster-status")).hasText("已发布");
        assertThat(page.locator(".dr-edit")).hasCount(0);
        both("duty-roster-04-published");
        assertThat(jdbc.sql("select count(*) from att_duty_hours where centre_id = ?").param(o.centreId())
                .query(Long.class).single()).isEqualTo(40);

        // the clerk files a substitute for their own duty; the office acknowledges it
        context.clearCookies();
        login(o.clerk(), OrgFixture.PASSWORD);
        page.navigate(url("/duty/swaps"));
        assertThat(page.locator("h1")).hasText("换班与顶替");
        String duty = page.locator("#assignmentId option").first().innerText();
        LocalDate day = LocalDate.parse(duty.substring(0, 10));
        page.locator("#substituteStaffId").selectOption(new SelectOption().setLabel(freeOn(day)));
        page.locator("#reason").fill("孩子生病，请同事顶替");
        both("duty-roster-05-swap-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("报中心办公室备案")).click();
        assertThat(page.locator(".flash.ok")).containsText("已登记并报中心办公室备案");
        assertThat(page.locator("table.dr-list tbody tr")).hasCount(1);
        assertThat(page.locator("table.dr-list tbody tr").first()).containsText("待备案");

        context.clearCookies();
        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/duty/swaps"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认备案")).click();
        assertThat(page.locator(".flash.ok")).containsText("已确认备案");
        assertThat(page.locator("table.dr-list tbody tr").first()).containsText("已备案");
        both("duty-roster-06-office-list");
    }

    /** Someone of the centre who has no duty on the day. */
    String freeOn(LocalDate day) {
        return jdbc.sql("select s.name from org_staff s where s.centre_id = ? and s.id not in (select staff_id from "
                        + "duty_assignment where centre_id = ? and duty_day = ? and removed_at is null) order by s.id limit 1")
                .params(o.centreId(), o.centreId(), day).query(String.class).single();
    }
}
