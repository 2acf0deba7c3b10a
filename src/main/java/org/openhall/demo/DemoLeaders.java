package org.openhall.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.duty.internal.Drills;
import org.openhall.duty.internal.IncidentKind;
import org.openhall.duty.internal.Incidents;
import org.openhall.duty.internal.LeaderDuty;
import org.openhall.duty.internal.LeaderDutyRules;
import org.openhall.duty.internal.LeaderKind;
import org.openhall.duty.internal.ShiftLeads;
import org.openhall.duty.internal.SitInAttendance;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Leaders on duty and incidents of the demo centre (DUTY-6, DUTY-7), relative to today: the heads and deputies of the
 * stationed departments; last week's sit-in reports with their attendance (one leader absent, one report late, 劳动社保
 * 中心 reported nothing, so the bulletin has something to name); this and next week's reports; yesterday's closed 带班
 * record and today's open one; an incident of a few days ago handled and closed, one of today escalated and open; a
 * fire drill two weeks ago. Past steps happen with the {@link DemoClock} standing at their moment.
 */
final class DemoLeaders {

    private final DemoLeaderSources duty;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final UserDetailsService users;
    private final @Nullable DemoClock clock;
    private final CentreInfo centre;
    private final ZoneId zone;
    private final LocalDate today;
    private final Clock now;

    private DemoLeaders(DemoLeaderSources duty, OrganizationApi org, CalendarApi calendar, UserDetailsService users,
            Clock now) {
        this.duty = duty;
        this.org = org;
        this.calendar = calendar;
        this.users = users;
        this.clock = now instanceof DemoClock dc ? dc : null;
        this.centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        this.zone = centre.zone();
        this.today = now.instant().atZone(zone).toLocalDate();
        this.now = now;
    }

    static void load(DemoLeaderSources duty, OrganizationApi org, CalendarApi calendar, UserDetailsService users, Clock now) {
        DemoLeaders d = new DemoLeaders(duty, org, calendar, users, now);
        try {
            d.make();
        } finally {
            if (d.clock != null) {
                d.clock.backToNow();
            }
            SecurityContextHolder.clearContext();
        }
    }

    private <T> T as(String username, Supplier<T> action) {
        return DemoLogins.as(users, username, action);
    }

    /** Stands the clock at {@code time} on {@code day}; false when the past cannot be replayed (no demo clock). */
    private boolean at(LocalDate day, int hour, int minute) {
        if (clock == null) {
            return false;
        }
        Instant t = LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(zone).toInstant();
        Instant real = clock.realNow();
        clock.travelTo(t.isAfter(real) ? real : t);
        return true;
    }

    private void backToNow() {
        if (clock != null) {
            clock.backToNow();
        }
    }

    private DepartmentInfo dept(String code) {
        return org.departments(centre.id()).stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private StaffSummary staff(String name) {
        return org.staffOfCentre(centre.id()).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The first working day of the week of {@code monday} from {@code preferred} on, or null. */
    private @Nullable LocalDate workingDay(LocalDate monday, DayOfWeek preferred) {
        for (LocalDate d = monday.with(preferred); !d.isAfter(monday.plusDays(6)); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(centre.code(), d)) {
                return d;
            }
        }
        return null;
    }

    private LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!calendar.isWorkingDay(centre.code(), d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private record Plan(String dept, String leader, DayOfWeek day, String reporter) {
    }

    private void make() {
        LeaderDuty leaders = duty.leaders();
        long c = centre.id();
        as("office", () -> {
            for (String head : List.of("王建国", "李秀英", "朱建华", "罗欣怡", "刘洋")) {
                leaders.addDeptLeader(c, staff(head).id(), LeaderKind.HEAD);
            }
            leaders.addDeptLeader(c, staff("孙浩然").id(), LeaderKind.DEPUTY);
            leaders.addDeptLeader(c, staff("周文斌").id(), LeaderKind.DEPUTY);
            return null;
        });

        LocalDate thisMonday = LeaderDutyRules.monday(today);
        LocalDate lastMonday = thisMonday.minusWeeks(1);
        // last week: reported on time on the Thursday before, 城乡居民社保中心 late on the Saturday; 劳动社保中心 nothing
        if (at(lastMonday.minusDays(4), 9, 30)) {
            report(lastMonday, List.of(new Plan("LDJY", "王建国", DayOfWeek.TUESDAY, "office"),
                    new Plan("YB", "李秀英", DayOfWeek.WEDNESDAY, "depthead"),
                    new Plan("JGSB", "朱建华", DayOfWeek.THURSDAY, "office")));
            at(lastMonday.minusDays(2), 10, 15);
            report(lastMonday, List.of(new Plan("CXJM", "罗欣怡", DayOfWeek.MONDAY, "office")));
            for (LeaderDuty.SitIn s : leaders.reports(c, lastMonday, lastMonday.plusDays(6))) {
                if (s.leaderName().equals("李秀英")) {
                    at(s.day(), 9, 2);
                    as("depthead", () -> leaders.checkIn(c, s.id()));
                } else {
                    at(s.day(), 16, 40);
                    boolean absent = s.leaderName().equals("朱建华");
                    as("office", () -> leaders.mark(c, s.id(), absent ? SitInAttendance.ABSENT : SitInAttendance.PRESENT,
                            absent ? "临时参加县局局务会议，未到大厅坐班" : null));
                }
            }
            // this week, reported on time on last week's Thursday; the days gone are registered
            at(thisMonday.minusDays(4), 9, 10);
            report(thisMonday, List.of(new Plan("YB", "李秀英", DayOfWeek.TUESDAY, "depthead"),
                    new Plan("LDJY", "王建国", DayOfWeek.WEDNESDAY, "office"),
                    new Plan("LDSB", "刘洋", DayOfWeek.THURSDAY, "office")));
            for (LeaderDuty.SitIn s : leaders.reports(c, thisMonday, today.minusDays(1))) {
                at(s.day(), 16, 45);
                as("office", () -> leaders.mark(c, s.id(), SitInAttendance.PRESENT, null));
            }
            // yesterday's 带班, summed up
            LocalDate yesterday = previousWorkingDay(today);
            at(yesterday, 8, 20);
            ShiftLeads.ShiftLead y = as("leader", () -> duty.shiftLeads().start(c, null));
            as("leader", () -> duty.shiftLeads().briefing(c, y.id(),
                    "1. 今日社保卡集中换发，14号窗口增设取卡专窗；2. 督导员重点巡查二楼E区排队秩序；3. 午间错时就餐，确保每个窗口有人。"));
            at(yesterday, 10, 50);
            as("leader", () -> duty.shiftLeads().note(c, y.id(), "二楼E区排队约25人，已安排13号窗口协助受理社保卡业务。"));
            at(yesterday, 15, 20);
            as("leader", () -> duty.shiftLeads().note(c, y.id(), "7号窗口工作人员着装规范、服务用语文明，予以肯定。"));
            at(yesterday, 17, 35);
            as("leader", () -> duty.shiftLeads().summary(c, y.id(),
                    "全天受理业务 286 件，办结 271 件；社保卡换发 64 张；无投诉。明日继续关注二楼E区高峰时段分流。"));

            // an incident of a few days ago, handled and closed
            LocalDate earlier = previousWorkingDay(previousWorkingDay(yesterday));
            at(earlier, 10, 14);
            Incidents.Incident i = as("supervisor", () -> duty.incidents().report(c, new Incidents.Report(
                    IncidentKind.MEDICAL, "一楼B区等候区", LocalDateTime.of(earlier, LocalTime.of(10, 8)),
                    "一位七十多岁的男性群众在等候办理医保报销时突感头晕，坐倒在座椅旁。", 1)));
            at(earlier, 10, 15);
            as("supervisor", () -> duty.incidents().escalate(c, i.id()));
            at(earlier, 10, 18);
            as("leader", () -> duty.incidents().act(c, i.id(),
                    "安排咨询引导员陪护，取出服务台急救箱，测量血压偏高；拨打120并联系家属。"));
            at(earlier, 10, 40);
            as("leader", () -> duty.incidents().act(c, i.id(), "120到场后由家属陪同送往县人民医院；其医保报销业务由7号窗口代为登记，次日回访。"));
            at(earlier, 11, 5);
            as("leader", () -> duty.incidents().close(c, i.id(),
                    "群众已送医，家属到场，现场秩序正常。建议在一楼B区增设血压计，并对窗口人员进行一次急救常识培训。"));

            // a fire drill two weeks ago
            LocalDate drillDay = previousWorkingDay(today.minusDays(13));
            at(drillDay, 16, 50);
            as("office", () -> duty.drills().record(c, new Drills.DrillData(drillDay, "大厅火灾应急疏散演练",
                    "中心全体窗口工作人员、督导员及物业安保人员共 42 人",
                    "模拟二楼东侧配电间起火，警报响起后 3 分 40 秒全部人员及模拟群众撤离至广场集合点；二楼E区疏散引导略慢。",
                    "二楼E区增设一名疏散引导员；更换东侧安全出口指示灯；每季度组织一次疏散演练。")));
        }
        backToNow();

        // next week, reported now (flagged late by itself after Friday)
        LocalDate nextMonday = thisMonday.plusWeeks(1);
        report(nextMonday, List.of(new Plan("YB", "李秀英", DayOfWeek.WEDNESDAY, "depthead"),
                new Plan("JGSB", "朱建华", DayOfWeek.TUESDAY, "office")));

        // today: the leader leads the day; an incident of this morning escalated and open
        if (calendar.isWorkingDay(centre.code(), today)) {
            ShiftLeads.ShiftLead t = as("leader", () -> duty.shiftLeads().start(c, null));
            as("leader", () -> duty.shiftLeads().briefing(c, t.id(),
                    "1. 月初养老待遇资格认证集中，10、11号窗口提前10分钟开窗；2. 督导员关注一楼自助区设备运行；3. 值班人员做好午间窗口衔接。"));
            LocalDateTime reported = LocalDateTime.ofInstant(now.instant(), zone).minusMinutes(20);
            Incidents.Incident open = as("supervisor", () -> duty.incidents().report(c, new Incidents.Report(
                    IncidentKind.OUTAGE, "一楼大厅自助服务区", reported,
                    "自助服务区3台一体机同时无法读取社保卡，群众改到窗口排队，排队人数增加。", 12)));
            as("supervisor", () -> duty.incidents().escalate(c, open.id()));
        }
    }

    private void report(LocalDate monday, List<Plan> plans) {
        for (Plan p : plans) {
            LocalDate day = workingDay(monday, p.day());
            if (day == null) {
                continue;
            }
            long dept = dept(p.dept()).id();
            long leader = staff(p.leader()).id();
            as(p.reporter(), () -> duty.leaders().report(centre.id(), dept, leader, day));
        }
    }
}
