package org.openhall.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openhall.calendar.CalendarApi;
import org.openhall.duty.DutyApi;
import org.openhall.duty.DutyAssignment;
import org.openhall.duty.DutyRole;
import org.openhall.duty.internal.DutyDays;
import org.openhall.duty.internal.DutyDays.AspectResult;
import org.openhall.duty.internal.DutyDays.Keeper;
import org.openhall.duty.internal.InspectionAspect;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The supervisors' days of the demo centre (DUTY-3..DUTY-5): the previous working day kept by 李明辉 and submitted, with
 * its handover to 高媛 (login {@code supervisor}) confirmed; the next working day (today, when today is one) kept by 高媛
 * as far as the time of day allows. On the demo's published roster these three serve as the days' supervisors (swapped in
 * where the solver named others); when no published roster covers these days, one is written straight into {@code duty_roster} / {@code duty_assignment} (高媛, then 何佳怡 for the day after). Only on a
 * {@link DemoClock} (the past is replayed at its own time); otherwise nothing is made.
 */
final class DemoDutyDay {

    private static final Logger log = LoggerFactory.getLogger(DemoDutyDay.class);

    /** What the demo's supervisor's day works with ({@code duty :: day}). */
    @Component
    @ConditionalOnProperty("openhall.demo.enabled")
    record Sources(DutyDays days, DutyApi duty, JdbcClient jdbc, CalendarApi calendar) {
    }

    private final Sources s;
    private final DemoClock clock;
    private final CentreInfo centre;
    private final ZoneId zone;

    private DemoDutyDay(Sources s, DemoClock clock, CentreInfo centre) {
        this.s = s;
        this.clock = clock;
        this.centre = centre;
        this.zone = centre.zone();
    }

    static void load(Sources s, OrganizationApi org, Clock clock) {
        if (!(clock instanceof DemoClock demo)) {
            return;
        }
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        try {
            new DemoDutyDay(s, demo, centre).run(org);
        } finally {
            demo.backToNow();
        }
    }

    private void run(OrganizationApi org) {
        List<StaffSummary> staff = org.staffOfCentre(centre.id());
        long li = staffNamed(staff, "李明辉");
        long gao = staffNamed(staff, "高媛");
        long he = staffNamed(staff, "何佳怡");
        LocalDate today = LocalDate.ofInstant(clock.realNow(), zone);
        var years = s.calendar().loadedYears();
        if (!years.contains(today.minusDays(20).getYear()) || !years.contains(today.plusDays(20).getYear())) {
            log.info("Demo supervisor's days not made: the working-day calendar around {} is not loaded", today);
            return;
        }
        LocalDate prev = today.minusDays(1);
        while (!s.calendar().isWorkingDay(centre.code(), prev)) {
            prev = prev.minusDays(1);
        }
        LocalDate cur = s.calendar().addWorkingDays(centre.code(), prev, 1);
        LocalDate after = s.calendar().addWorkingDays(centre.code(), cur, 1);
        boolean rostered = s.duty().onDuty(centre.id(), prev, after).stream()
                .anyMatch(a -> a.role() == DutyRole.SUPERVISOR);
        if (rostered) {
            serveAs(new LocalDate[] {prev, cur, after}, new long[] {li, gao, he});
        } else {
            publish(new LocalDate[] {prev, cur, after}, new long[] {li, gao, he});
        }

        WindowInfo w5 = org.windowByNumber(centre.id(), "5").orElseThrow();
        WindowInfo w13 = org.windowByNumber(centre.id(), "13").orElseThrow();
        WindowInfo w2 = org.windowByNumber(centre.id(), "2").orElseThrow();
        Keeper liming = new Keeper(centre.id(), li, "liminghui");
        Keeper gaoyuan = new Keeper(centre.id(), gao, "supervisor");

        // the previous working day, kept in full and submitted in time
        at(prev, 8, 16);
        s.days().tick(liming, prev, "open-security-door", null);
        at(prev, 9, 40);
        s.days().inspect(liming, prev, new DutyDays.InspectionData(w5.id(), w5.postA().staffId(), ok(), null));
        at(prev, 14, 35);
        s.days().inspect(liming, prev, new DutyDays.InspectionData(w13.id(), w13.postA().staffId(),
                finding(InspectionAspect.ATTITUDE, "答复群众咨询时语气生硬，已当场提醒"), "群众未投诉"));
        at(prev, 16, 50);
        s.days().saveLog(liming, prev, new DutyDays.LogData("前台人员全部到岗，无迟到早退",
                "整体服务规范；13号窗口服务态度问题已当场提醒", "上午10时许社保卡制卡机卡卡，联系厂家远程处理后恢复",
                "受理各类业务共186件，即办件152件，咨询64人次", "无"));
        at(prev, 17, 12);
        s.days().tick(liming, prev, "close-security-door", null);
        long handover = s.days().handOver(liming, prev, new DutyDays.HandoverData(gao,
                "13号窗口服务态度问题请继续关注；社保卡制卡机如再故障请联系厂家（电话见值班台）", true, true));
        at(prev, 17, 18);
        s.days().confirm(gaoyuan, handover);
        at(prev, 17, 34);
        s.days().tick(liming, prev, "power-off", null);
        s.days().tick(liming, prev, "doors-windows", null);
        at(prev, 17, 38);
        s.days().tick(liming, prev, "main-door", null);
        s.days().submit(liming, prev);

        // the current working day, as far as it has gone
        if (!cur.equals(today)) {
            return;
        }
        if (at(cur, 8, 18)) {
            s.days().tick(gaoyuan, cur, "open-security-door", null);
        }
        if (at(cur, 9, 25)) {
            s.days().inspect(gaoyuan, cur, new DutyDays.InspectionData(w2.id(), w2.postA().staffId(), ok(), null));
        }
        if (at(cur, 10, 40)) {
            s.days().inspect(gaoyuan, cur, new DutyDays.InspectionData(w5.id(), w5.postA().staffId(),
                    finding(InspectionAspect.AT_POST, "10:40 不在岗，未摆放暂停服务牌，约8分钟后返回"), null));
            s.days().saveLog(gaoyuan, cur, new DutyDays.LogData("5号窗口A岗上午离岗约8分钟（已记脱岗）", null, null,
                    null, null));
        }
    }

    /** Stands the clock at the time of the day if that is past; says whether it is. */
    private boolean at(LocalDate day, int hour, int minute) {
        Instant t = day.atTime(hour, minute).atZone(zone).toInstant();
        if (t.isAfter(clock.realNow())) {
            return false;
        }
        clock.travelTo(t);
        return true;
    }

    /**
     * On the demo's published roster, the named supervisors serve these days (DUTY-2: a swap with the rostered
     * supervisor, who takes the named person's own duty of that day if there is one).
     */
    private void serveAs(LocalDate[] days, long[] supervisors) {
        for (int i = 0; i < days.length; i++) {
            List<DutyAssignment> duty = s.duty().onDuty(centre.id(), days[i]);
            long named = supervisors[i];
            DutyAssignment sup = duty.stream().filter(a -> a.role() == DutyRole.SUPERVISOR).findFirst().orElse(null);
            if (sup == null || sup.servingStaffId() == named) {
                continue;
            }
            duty.stream().filter(a -> a.servingStaffId() == named).findFirst().ifPresent(own -> s.jdbc()
                    .sql("update duty_assignment set served_by_staff_id = ? where id = ?")
                    .params(sup.servingStaffId(), own.assignmentId()).update());
            s.jdbc().sql("update duty_assignment set served_by_staff_id = ? where id = ?")
                    .params(named, sup.assignmentId()).update();
        }
    }

    private void publish(LocalDate[] days, long[] supervisors) {
        Timestamp now = Timestamp.from(days[0].minusDays(7).atTime(15, 0).atZone(zone).toInstant());
        var keys = new GeneratedKeyHolder();
        s.jdbc().sql("insert into duty_roster (centre_id, first_day, last_day, kind, status, created_at, created_by, "
                        + "published_at, published_by) values (?, ?, ?, 'CYCLE', 'PUBLISHED', ?, 'office', ?, 'office')")
                .params(centre.id(), days[0], days[days.length - 1], now, now).update(keys, "id");
        long roster = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < days.length; i++) {
            s.jdbc().sql("insert into duty_assignment (roster_id, centre_id, duty_day, duty_role, staff_id) "
                            + "values (?, ?, ?, 'SUPERVISOR', ?)")
                    .params(roster, centre.id(), days[i], supervisors[i]).update();
        }
    }

    private static long staffNamed(List<StaffSummary> staff, String name) {
        return staff.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static List<AspectResult> ok() {
        List<AspectResult> r = new ArrayList<>();
        for (InspectionAspect a : InspectionAspect.values()) {
            r.add(new AspectResult(a, true, null));
        }
        return r;
    }

    private static List<AspectResult> finding(InspectionAspect aspect, String note) {
        List<AspectResult> r = ok();
        r.set(aspect.ordinal(), new AspectResult(aspect, false, note));
        return r;
    }
}
