package org.openhall.duty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a department kept the sit-in rule in one week (DUTY-6; 窗口岗位值班制度 一, 五, 七). A pure function of the
 * week's reports, so that it is tested alone.
 */
public final class SitInCompliance {

    /** Why a department is listed for the bulletin. Label: duty.leaders.reason.NAME */
    public enum Reason {
        /** no day reported for the week (五) */
        NOT_REPORTED,
        /** fewer days reported than the week owes (一) */
        TOO_FEW_REPORTED,
        /** reported after the deadline of the week before (五: 提前一星期) */
        LATE_REPORT,
        /** reported but registered absent, and not enough days left to make up (六: 不能拖延或不执行) */
        ABSENT,
        /** a reported day has passed without the centre registering attendance (七: 中心负责登记) */
        UNREGISTERED
    }

    /** One reported day of the week. */
    public record Day(LocalDate day, boolean late, SitInAttendance attendance) {
    }

    private SitInCompliance() {
    }

    /**
     * The reasons a department is listed for a week, empty when it complied or the week is not decided yet.
     *
     * @param reported the week's reports (withdrawn ones left out)
     * @param minDays  the days the week owes
     * @param deadline the last day to report on time
     * @param today    the centre's today
     */
    public static List<Reason> judge(List<Day> reported, int minDays, LocalDate deadline, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        if (!today.isAfter(deadline)) {
            return reasons;
        }
        long days = reported.stream().map(Day::day).distinct().count();
        if (days == 0) {
            reasons.add(Reason.NOT_REPORTED);
            return reasons;
        }
        if (days < minDays) {
            reasons.add(Reason.TOO_FEW_REPORTED);
        }
        if (reported.stream().anyMatch(Day::late)) {
            reasons.add(Reason.LATE_REPORT);
        }
        long present = reported.stream().filter(d -> d.attendance() == SitInAttendance.PRESENT).map(Day::day)
                .distinct().count();
        long open = reported.stream().filter(d -> d.attendance() == SitInAttendance.PENDING && !d.day().isBefore(today))
                .map(Day::day).distinct().count();
        if (present < minDays && present + open < Math.min(minDays, days)) {
            if (reported.stream().anyMatch(d -> d.attendance() == SitInAttendance.ABSENT)) {
                reasons.add(Reason.ABSENT);
            }
            if (reported.stream().anyMatch(d -> d.attendance() == SitInAttendance.PENDING && d.day().isBefore(today))) {
                reasons.add(Reason.UNREGISTERED);
            }
        }
        return reasons;
    }
}
