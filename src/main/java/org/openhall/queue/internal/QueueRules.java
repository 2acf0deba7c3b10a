package org.openhall.queue.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the hall floor ({@code openhall.queue.*}), in one place, with the values a centre starts with.
 *
 * @param priorityBonusMinutes   Q-3 先急后缓 (seed 002 服务规范: 对老弱病残孕、军人等特殊群体优先办理): a priority ticket is
 *                               ranked as if it had waited this many minutes longer (special groups, green channel,
 *                               appointment at its slot). Default 30.
 * @param maxPriorityStreak      Q-3: after this many priority calls in a row at a window, the next call goes to the
 *                               longest-waiting ordinary ticket if one waits longer than
 *                               {@code priorityStreakMinWaitMinutes}, so that ordinary tickets never sink. Default 3.
 * @param priorityStreakMinWaitMinutes see {@code maxPriorityStreak}. Default 10.
 * @param skipReturn             Q-2 过号: a skipped ticket may come back once within this time (then it is NO_SHOW).
 *                               Default 30 minutes.
 * @param skipReturnsAllowed     Q-2: how many times a skipped ticket may come back. Default 1.
 * @param skipReturnPosition     Q-2: a returning ticket is placed after this many waiting tickets of its service
 *                               (0: at the front). Default 3.
 * @param announcementRepeats    Q-4: how often the display speaks a call (叫号重复次数). Default 2.
 * @param hallDisplayCalls       Q-4: the last N calls on the hall display. Default 8.
 * @param pauseReasons           Q-5 暂停服务 (seed 002 离岗告知: 因事暂离岗位须摆放暂停服务牌): the reasons a clerk chooses from.
 * @param maxPause               Q-5: the longest expected return a clerk may give. Default 60 minutes.
 * @param dispatch               Q-10: an idle window with nobody waiting for its own services calls the services it is
 *                               only qualified for. Default true.
 * @param estimateSampleSize     Q-6: finished tickets of the service (today) the handling time is averaged over. Default 20.
 * @param alertQueueLength       Q-9: more than this many waiting for one service raises LONG_QUEUE. Default 15.
 * @param alertWaitMinutes       Q-9: a ticket waiting longer raises LONG_WAIT (seed 000 高峰期合理调配人员). Default 30.
 * @param alertIdleMinutes       Q-9: a window idle (or paused) this long while people wait for its services raises
 *                               WINDOW_IDLE / WINDOW_PAUSED; a clerk idle this long raises CLERK_IDLE. Default 10.
 * @param appointmentEarly       Q-7: check-in opens this long before the slot. Default 30 minutes.
 * @param appointmentGrace       Q-7: check-in later than this after the slot start is late: an ordinary ticket instead of a
 *                               priority one. Default 15 minutes.
 * @param noShowBanLimit         Q-7 (seed 001 预约服务制度: 预约后无故不到): this many no-shows within
 *                               {@code noShowBanWindow} stop online booking for {@code noShowBan}. Default 3.
 * @param noShowBanWindow        Default 90 days.
 * @param noShowBan              Default 30 days.
 * @param bookingDaysAhead       Q-7: how many days ahead slots can be booked. Default 14.
 * @param cancelUntil            Q-7: a booking can be cancelled until this long before the slot. Default 1 hour.
 */
@ConfigurationProperties("openhall.queue")
public record QueueRules(
        @DefaultValue("30") int priorityBonusMinutes,
        @DefaultValue("3") int maxPriorityStreak,
        @DefaultValue("10") int priorityStreakMinWaitMinutes,
        @DefaultValue("30m") Duration skipReturn,
        @DefaultValue("1") int skipReturnsAllowed,
        @DefaultValue("3") int skipReturnPosition,
        @DefaultValue("2") int announcementRepeats,
        @DefaultValue("8") int hallDisplayCalls,
        @DefaultValue({"临时离岗", "业务咨询", "系统故障", "会议", "用餐"}) List<String> pauseReasons,
        @DefaultValue("60m") Duration maxPause,
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("20") int estimateSampleSize,
        @DefaultValue("15") int alertQueueLength,
        @DefaultValue("30") int alertWaitMinutes,
        @DefaultValue("10") int alertIdleMinutes,
        @DefaultValue("30m") Duration appointmentEarly,
        @DefaultValue("15m") Duration appointmentGrace,
        @DefaultValue("3") int noShowBanLimit,
        @DefaultValue("90d") Duration noShowBanWindow,
        @DefaultValue("30d") Duration noShowBan,
        @DefaultValue("14") int bookingDaysAhead,
        @DefaultValue("1h") Duration cancelUntil) {

    public QueueRules {
        pauseReasons = List.copyOf(pauseReasons);
    }

    /** The defaults, for unit tests. */
    public static QueueRules defaults() {
        return new QueueRules(30, 3, 10, Duration.ofMinutes(30), 1, 3, 2, 8,
                List.of("临时离岗", "业务咨询", "系统故障", "会议", "用餐"), Duration.ofMinutes(60), true, 20, 15, 30, 10,
                Duration.ofMinutes(30), Duration.ofMinutes(15), 3, Duration.ofDays(90), Duration.ofDays(30), 14,
                Duration.ofHours(1));
    }
}
