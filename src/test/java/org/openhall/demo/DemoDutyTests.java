package org.openhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.duty.DutyApi;
import org.openhall.duty.DutyAssignment;
import org.openhall.duty.DutyRole;
import org.openhall.organization.OrganizationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo centre's duty (DUTY-1, DUTY-2): a published roster for the current fortnight and a draft for the next. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "openhall.demo.enabled=true")
class DemoDutyTests {

    @Autowired
    OrganizationApi org;
    @Autowired
    DutyApi duty;
    @Autowired
    CalendarApi calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    @Test
    void theCurrentFortnightIsPublishedAndTheNextIsADraft() {
        long centre = org.centreByCode(DemoCentre.CODE).orElseThrow().id();
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone(DemoCentre.CODE)));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<DutyAssignment> published = duty.onDuty(centre, monday, monday.plusDays(13));
        int workingDays = (int) calendar.days(DemoCentre.CODE, monday, monday.plusDays(13)).stream()
                .filter(d -> d.working()).count();
        assertThat(published).hasSize(workingDays * 4);
        assertThat(published).filteredOn(a -> a.role() == DutyRole.SUPERVISOR).hasSize(workingDays);
        assertThat(jdbc.sql("select status from duty_roster where centre_id = ? order by first_day").param(centre)
                .query(String.class).list()).containsExactly("PUBLISHED", "DRAFT");
        assertThat(jdbc.sql("select count(*) from duty_swap_request where centre_id = ?").param(centre)
                .query(Long.class).single()).isLessThanOrEqualTo(1L);
    }
}
