package org.openhall.duty.internal.roster;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of duty rosters ({@code openhall.duty.roster.*}, DUTY-1, DUTY-2) with the values of the regulations
 * (seed 001) as defaults.
 *
 * @param rotation        督导员值班制度 二.1 (值班顺序: 劳动就业中心、医保中心、机关社保中心、城乡居民社保中心、劳动社保中心窗口):
 *                        the departments whose turn it is to provide the day's supervisor, in this order, matched
 *                        by department name; when none matches, all departments of the centre in their duty order.
 * @param staffPerDay     行政服务中心值班制度 二.1 (每日至少设置两名工作人员值班): duty staff planned per working day; a
 *                        day with fewer than {@code minStaffPerDay} is refused on publish. Default 2.
 * @param minStaffPerDay  the same clause: the least duty staff a working day may have. Default 2.
 * @param holidayStaff    政务服务中心值班管理制度 3.3 (换班计划: 法定节假日、周末 … 明确不同时间段的值班人员人数): duty staff on a
 *                        holiday or weekend day of a 换班计划 (beside the duty leader). Default 1.
 * @param holidaySupervisor whether holiday and weekend days have a supervisor too (督导员值班制度 二.2: 每天正常工作时间 —
 *                        only working days). Default false.
 * @param dutyStart       行政服务中心值班制度 二.2 (值班时间为每天上午8:00至下午18:00): when duty starts. Default 08:00.
 * @param dutyEnd         the same clause: when duty ends. Default 18:00.
 * @param maxCycleWeeks   政务服务中心值班管理制度 4.1 (一般为一周或者两周为一个周期): the longest cycle. Default 2.
 * @param historyWeeks    fairness: duty days of published rosters in this many weeks before a cycle count towards
 *                        each person's load. Default 8.
 * @param solveLimit      the solver stops after this long. Default 10 seconds.
 * @param unimprovedLimit the solver stops earlier when the best plan has not improved for this long. Default 2 s.
 */
@ConfigurationProperties("openhall.duty.roster")
public record RosterRules(
        @DefaultValue({"劳动就业中心", "医保中心", "机关社保中心", "城乡居民社保中心", "劳动社保中心"}) List<String> rotation,
        @DefaultValue("2") int staffPerDay,
        @DefaultValue("2") int minStaffPerDay,
        @DefaultValue("1") int holidayStaff,
        @DefaultValue("false") boolean holidaySupervisor,
        @DefaultValue("08:00") LocalTime dutyStart,
        @DefaultValue("18:00") LocalTime dutyEnd,
        @DefaultValue("2") int maxCycleWeeks,
        @DefaultValue("8") int historyWeeks,
        @DefaultValue("10s") Duration solveLimit,
        @DefaultValue("2s") Duration unimprovedLimit) {

    public RosterRules {
        rotation = List.copyOf(rotation);
        if (minStaffPerDay < 1 || staffPerDay < minStaffPerDay) {
            throw new IllegalArgumentException("openhall.duty.roster: need 1 <= min-staff-per-day <= staff-per-day");
        }
        if (!dutyEnd.isAfter(dutyStart)) {
            throw new IllegalArgumentException("openhall.duty.roster: duty-end must be after duty-start");
        }
    }

    /** The defaults, for code outside Spring (tests, benchmarks). */
    public static RosterRules defaults() {
        return new RosterRules(List.of("劳动就业中心", "医保中心", "机关社保中心", "城乡居民社保中心", "劳动社保中心"), 2, 2, 1,
                false, LocalTime.of(8, 0), LocalTime.of(18, 0), 2, 8, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }
}
