package org.openhall.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhall.attendance.LeaveType;
import org.openhall.attendance.internal.LeaveForm;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leave in the demo centre (ATT-2): 王丽娟 and 郑国平 (logins {@code leader}, {@code leader2}) are the principal leaders,
 * 郑国平 in charge of 劳动就业中心, 医保中心 and 机关社保中心, 王丽娟 of the others; and a few requests in every state,
 * dated from today: 张伟's three days waiting for the second principal leader, 陈晓燕's sick day waiting for the unit head
 * (李秀英, {@code depthead}), approved, filed, rejected, withdrawn and emergency (事后补办) ones. Skipped (with a log line)
 * when the calendar of the coming weeks is not loaded.
 */
final class DemoLeave {

    private static final Logger log = LoggerFactory.getLogger(DemoLeave.class);

    private final DemoLeaveSources sources;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final UserAccounts accounts;
    private final CentreInfo centre;
    private final LocalDate today;

    private DemoLeave(DemoLeaveSources sources, OrganizationApi org, CalendarApi calendar, UserAccounts accounts,
            CentreInfo centre, LocalDate today) {
        this.sources = sources;
        this.org = org;
        this.calendar = calendar;
        this.accounts = accounts;
        this.centre = centre;
        this.today = today;
    }

    /** Sets the leaders and makes the requests; returns how many requests. */
    static int load(DemoLeaveSources sources, OrganizationApi org, CalendarApi calendar, UserAccounts accounts,
            Clock clock) {
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), centre.zone());
        var d = new DemoLeave(sources, org, calendar, accounts, centre, today);
        d.leaders();
        Set<Integer> years = calendar.loadedYears();
        if (!years.contains(today.minusDays(10).getYear()) || !years.contains(today.plusDays(30).getYear())) {
            log.info("Demo leave requests not made: the calendar of {} to {} is not loaded", today.minusDays(10),
                    today.plusDays(30));
            return 0;
        }
        return d.requests();
    }

    private StaffSummary staff(String name) {
        return org.staffOfCentre(centre.id()).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private void leaders() {
        long wang = staff("王丽娟").id();
        long zheng = staff("郑国平").id();
        Map<Long, Long> deputies = new HashMap<>();
        for (DepartmentInfo dep : org.departments(centre.id())) {
            deputies.put(dep.id(), List.of("LDJY", "YB", "JGSB").contains(dep.code()) ? zheng : wang);
        }
        sources.leaders().save(centre.id(), List.of(wang, zheng), deputies, "system");
    }

    /** The signed-in person: their account, or for staff without a login one made up for the demo. */
    private CurrentUser as(String name) {
        StaffSummary s = staff(name);
        return accounts.listForCentre(centre.id()).stream().filter(a -> Long.valueOf(s.id()).equals(a.staffId()))
                .findFirst()
                .map(a -> new CurrentUser(a.id(), a.username(), a.displayName(), a.roles(), a.centreId(),
                        a.departmentId(), a.staffId()))
                .orElseGet(() -> new CurrentUser(0, name, name, Set.of(Role.WINDOW_STAFF), centre.id(), s.departmentId(),
                        s.id()));
    }

    private LocalDate working(int n) {
        return calendar.addWorkingDays(centre.code(), today, n);
    }

    private LocalDate previousWorkingDay() {
        LocalDate d = today.minusDays(1);
        while (!calendar.isWorkingDay(centre.code(), d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private int requests() {
        var r = sources.requests();
        // 张伟: three days with a stand-in; 王丽娟 agreed, 郑国平 still to decide (jointly)
        long a = r.submit(as("张伟"), new LeaveForm(LeaveType.PERSONAL, working(5), false, working(7), false,
                "回老家办理房屋过户手续，需本人到场", staff("陈晓燕").id(), false));
        r.decide(as("王丽娟"), a, true, "同意，请提前与替岗人员做好业务交接");
        // 陈晓燕: one sick day, waiting for the unit head 李秀英
        r.submit(as("陈晓燕"), new LeaveForm(LeaveType.SICK, working(2), false, working(2), false,
                "医院预约胃镜复查", null, false));
        // 吴昊: a day and a half, approved by the deputy leader and filed with the centre office
        long b = r.submit(as("吴昊"), new LeaveForm(LeaveType.PERSONAL, working(3), true, working(4), false,
                "孩子学校召开家长会并陪同体检", null, false));
        r.decide(as("郑国平"), b, true, "同意");
        // 刘芳: annual leave, both principal leaders agreed, filed
        long c = r.submit(as("刘芳"), new LeaveForm(LeaveType.ANNUAL, working(8), false, working(9), false,
                "休2026年度公休假", null, false));
        r.decide(as("王丽娟"), c, true, "同意");
        r.decide(as("郑国平"), c, true, "同意，注意错开业务高峰");
        // 杨帆: rejected by the deputy leader of 劳动社保中心 (no unit head login there)
        long e = r.submit(as("杨帆"), new LeaveForm(LeaveType.PERSONAL, working(1), false, working(1), false,
                "朋友婚礼需提前到场帮忙", null, false));
        r.decide(as("王丽娟"), e, false, "月底养老待遇集中办理，窗口人手紧张，请改期");
        // 徐丹: emergency sick leave filed afterwards (事后补办), approved by the unit head
        long f = r.submit(as("徐丹"), new LeaveForm(LeaveType.SICK, previousWorkingDay(), false, previousWorkingDay(),
                false, "凌晨突发高烧到县人民医院急诊，已电话告知李主任", null, true));
        r.decide(as("李秀英"), f, true, "情况属实，同意补办");
        // 胡艳: withdrawn by herself
        long g = r.submit(as("胡艳"), new LeaveForm(LeaveType.COMPENSATORY, working(6), false, working(6), false,
                "调休（国庆值班）", null, false));
        r.withdraw(as("胡艳"), g);
        return 7;
    }
}
