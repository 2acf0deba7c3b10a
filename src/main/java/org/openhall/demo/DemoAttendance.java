package org.openhall.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.FindingData;
import org.openhall.attendance.FindingKind;
import org.openhall.attendance.internal.Attendance;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;

/**
 * The demo centre's attendance of the last three working days (ATT-1, ATT-3, ATT-4): the A-post holders of the windows
 * sign in and out on the attendance page (replayed on the {@link DemoClock} at the moment each happened), one of them
 * late on the first day (迟到, found by the rule), one files an absence notice with the B-post holder standing in and is
 * back on time, and the supervisor's check of the day before found a window empty without a notice (脱岗). Only with a
 * {@link DemoClock}; with any other clock nothing is made.
 */
final class DemoAttendance {

    private DemoAttendance() {
    }

    static int load(Attendance attendance, AttendanceCommands commands, LeaveApi leave, OrganizationApi org,
            CalendarApi calendar, Clock clock) {
        if (!(clock instanceof DemoClock demo)) {
            return 0;
        }
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        ZoneId zone = centre.zone();
        LocalDate today = demo.realNow().atZone(zone).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(1); days.size() < 3; d = d.minusDays(1)) {
            if (calendar.isWorkingDay(centre.code(), d)) {
                days.addFirst(d);
            }
        }
        List<WindowInfo> windows = org.windows(centre.id());
        Set<Long> people = new LinkedHashSet<>();
        windows.forEach(w -> people.add(w.postA().staffId()));
        int made = 0;
        try {
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                // nobody on approved leave that day comes to work (e.g. the demo's 事后补办 sick day)
                Set<Long> away = new HashSet<>();
                leave.approvedLeave(centre.id(), day, day).forEach(l -> away.add(l.staffId()));
                List<WindowInfo> present = windows.stream().filter(w -> !away.contains(w.postA().staffId())).toList();
                int k = 0;
                for (long staff : people) {
                    if (away.contains(staff)) {
                        continue;
                    }
                    boolean late = i == 0 && k == 2;
                    travel(demo, day, late ? LocalTime.of(8, 34) : LocalTime.of(8, 5 + (k * 3 + i * 7) % 14), zone);
                    attendance.signIn(staff, "demo");
                    made++;
                    k++;
                }
                if (i == 1 && !present.isEmpty()) {
                    WindowInfo w = present.getFirst();
                    travel(demo, day, LocalTime.of(10, 5), zone);
                    attendance.startNotice(w.postA().staffId(), "到县医保局递交异地就医备案材料", "138 0797 2201",
                            LocalTime.of(10, 50), w.postB().staffId(), "demo");
                    travel(demo, day, LocalTime.of(10, 46), zone);
                    attendance.endNotice(w.postA().staffId(), "demo");
                }
                if (i == 2 && present.size() > 3) {
                    WindowInfo w = present.get(3);
                    Instant at = day.atTime(LocalTime.of(14, 20)).atZone(zone).toInstant();
                    commands.recordFinding(new FindingData(centre.id(), w.postA().staffId(), w.id(),
                            FindingKind.ABSENT_FROM_POST, at, "check", "考勤及离岗告知制度 四.1、四.3",
                            "督导巡查：14:20 窗口无人，未放置离岗告知牌，15 分钟后仍未归岗", "check:supervisor"), "supervisor");
                }
                k = 0;
                for (long staff : people) {
                    if (away.contains(staff)) {
                        continue;
                    }
                    travel(demo, day, LocalTime.of(17, 31 + (k * 5) % 20), zone);
                    attendance.signOut(staff, "demo");
                    k++;
                }
            }
        } finally {
            demo.backToNow();
        }
        return made;
    }

    private static void travel(DemoClock clock, LocalDate day, LocalTime time, ZoneId zone) {
        clock.travelTo(day.atTime(time).atZone(zone).toInstant());
    }
}
