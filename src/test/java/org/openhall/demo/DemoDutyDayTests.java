package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.duty.internal.DutyDays;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo centre's supervisors' days (DUTY-3..DUTY-5): the previous working day submitted with its handover to the
 * demo supervisor (高媛) confirmed; the day after it (today on a working day) kept by 高媛 as far as the time allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.demo.enabled=true")
class DemoDutyDayTests extends BrowserTestSupport {

    @Autowired
    OrganizationApi org;
    @Autowired
    DutyDays days;
    @Autowired
    CalendarApi calendar;
    @Autowired
    Clock clock;

    @Test
    void yesterdayIsSubmittedAndHandedToTheDemoSupervisor() {
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), centre.zone());
        LocalDate prev = today.minusDays(1);
        while (!calendar.isWorkingDay(centre.code(), prev)) {
            prev = prev.minusDays(1);
        }
        DutyDays.Day day = days.day(centre.id(), prev);
        assertThat(day.submitted()).isTrue();
        assertThat(day.submittedLate()).isFalse();
        assertThat(day.supervisorName()).isEqualTo("李明辉");
        assertThat(day.inspections()).hasSize(2);
        assertThat(day.findings()).isEqualTo(1);
        assertThat(day.closingComplete()).isTrue();
        assertThat(day.handover().toName()).isEqualTo("高媛");
        assertThat(day.handover().confirmed()).isTrue();
        LocalDate cur = calendar.addWorkingDays(centre.code(), prev, 1);
        assertThat(days.rosteredSupervisors(centre.id(), cur)).extracting(DutyDays.Person::name).containsExactly("高媛");
        List<DutyDays.OverviewRow> rows = days.overview(centre.id(), prev, today);
        assertThat(rows.getLast().status()).isEqualTo(DutyDays.DayStatus.SUBMITTED);

        // the demo supervisor sees the day and yesterday's record
        login("supervisor", DemoCentre.PASSWORD);
        page.navigate(url("/duty/day"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).containsText("督导员值班");
        if (cur.equals(today)) {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".dd-note").first())
                    .containsText("高媛");
        }
        screenshot("duty-day-demo-1366");
        page.navigate(url("/duty/days/" + prev));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body"))
                .containsText("答复群众咨询时语气生硬");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body")).containsText("李明辉");
        screenshot("duty-day-demo-record-1366");
    }
}
