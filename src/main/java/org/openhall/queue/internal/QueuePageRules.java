package org.openhall.queue.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Rules of the applicant-facing pages of the hall floor ({@code openhall.queue.pages.*}): the kiosk, online tickets and
 * the rating pad. Apart from the rating reasons they are not from a regulation; they keep the public pages from being
 * misused and bound how long a rating may wait.
 *
 * @param ratingTimeLimit          Q-8, FB-1: how long after the finish the ticket may still be rated on the window's pad
 *                                 (the applicant rates at the counter, before leaving); also ends when the window calls
 *                                 the next ticket. Default 10 minutes.
 * @param ratingReasons            FB-1 (seed 000 满意度调查, seed 002 服务评价): the reasons offered with 不满意 / 非常不满意.
 * @param ratingPoll               how often the rating pad asks whether its window finished a ticket. Default 2 s.
 * @param ratingThanks             how long the pad shows its thanks before it goes back to idle. Default 5 s.
 * @param kioskReturn              the kiosk goes back to its start screen this long after showing a ticket or a message.
 *                                 Default 30 s.
 * @param kioskIdle                the kiosk leaves a half-finished choice after this long without a touch. Default 60 s.
 * @param kioskAutoPrint           the kiosk prints the ticket as soon as it is shown (a kiosk browser started with silent
 *                                 printing). Default true.
 * @param kioskTicketView          how long after issue the kiosk may show a ticket again. Default 10 minutes.
 * @param statusRefresh            how often the public ticket status page refreshes itself. Default 15 s.
 * @param onlineTicketsPerMobile   Q-1: tickets one mobile may take online per centre and day. Default 2.
 * @param onlineRateLimit          requests to take a ticket online per client address
 */
@ConfigurationProperties("openhall.queue.pages")
public record QueuePageRules(
        @DefaultValue("10m") Duration ratingTimeLimit,
        @DefaultValue({"等候时间长", "办事效率低", "服务态度差", "业务不熟练", "告知不清楚", "多次跑腿", "环境设施差"})
        List<String> ratingReasons,
        @DefaultValue("2s") Duration ratingPoll,
        @DefaultValue("5s") Duration ratingThanks,
        @DefaultValue("30s") Duration kioskReturn,
        @DefaultValue("60s") Duration kioskIdle,
        @DefaultValue("true") boolean kioskAutoPrint,
        @DefaultValue("10m") Duration kioskTicketView,
        @DefaultValue("15s") Duration statusRefresh,
        @DefaultValue("2") int onlineTicketsPerMobile,
        @Name("online-rate-limit") @DefaultValue RateLimit onlineRateLimit) {

    public QueuePageRules {
        ratingReasons = List.copyOf(ratingReasons);
    }

    /**
     * @param perIp      requests per client address per {@code period} (default 10 per 10 minutes)
     * @param period     the refill period
     * @param maxTracked the most client addresses kept in memory; the least recently seen go first
     */
    public record RateLimit(@DefaultValue("10") int perIp, @DefaultValue("10m") Duration period,
            @DefaultValue("100000") int maxTracked) {
    }

    /** The defaults, for unit tests. */
    public static QueuePageRules defaults() {
        return new QueuePageRules(Duration.ofMinutes(10),
                List.of("等候时间长", "办事效率低", "服务态度差", "业务不熟练", "告知不清楚", "多次跑腿", "环境设施差"),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60), true,
                Duration.ofMinutes(10), Duration.ofSeconds(15), 2, new RateLimit(10, Duration.ofMinutes(10), 100_000));
    }
}
