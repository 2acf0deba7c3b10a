package org.openhall.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.openhall.duty.internal.roster.RosterKind;
import org.openhall.duty.internal.roster.RosterViews.Duty;
import org.openhall.duty.internal.roster.Rosters;
import org.openhall.duty.internal.roster.Swaps;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo centre's duty (DUTY-1, DUTY-2) through {@code duty :: rosters}: a published roster for the current
 * fortnight (from this week's Monday), planned by the solver, with one substitute filed by a clerk for a day ahead,
 * and a draft for the next fortnight waiting to be checked and published by the centre office.
 */
final class DemoDuty {

    private static final Logger log = LoggerFactory.getLogger(DemoDuty.class);

    private DemoDuty() {
    }

    static void load(Rosters rosters, Swaps swaps, OrganizationApi org, long centreId) {
        LocalDate today = rosters.today(centreId);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long current = rosters.generate(centreId, monday, 2, RosterKind.CYCLE);
        rosters.publish(current);
        long next = rosters.generate(centreId, monday.plusWeeks(2), 2, RosterKind.CYCLE);
        // a substitute: the first duty staff after today hands the day to a colleague of the department who is free
        List<Duty> ahead = rosters.detail(current).duties().stream()
                .filter(d -> d.day().isAfter(today) && d.role().name().equals("STAFF")).toList();
        for (Duty d : ahead) {
            List<Long> busy = rosters.detail(current).on(d.day()).stream().map(Duty::staffId).toList();
            StaffSummary colleague = org.staffOfDepartment(d.departmentId()).stream()
                    .filter(s -> !busy.contains(s.id())).findFirst().orElse(null);
            if (colleague != null) {
                swaps.file(d.id(), Swaps.Kind.SUBSTITUTE, colleague.id(), null, "家中老人住院，需陪护一天");
                break;
            }
        }
        log.info("Demo duty: roster {} published ({} to {}), roster {} drafted", current, monday,
                monday.plusWeeks(2).minusDays(1), next);
    }
}
