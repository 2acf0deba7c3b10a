package org.openhall.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.openhall.shared.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Rate limit of online ticket taking per client address (Q-1, SEC-2), a token bucket per address ({@link RateLimiter})
 * configured by {@link QueuePageRules#onlineRateLimit()}, like the progress query's limiter of the cases module. The
 * buckets run on the injected {@link Clock}; each node keeps its own.
 */
@Component
public class OnlineRateLimiter {

    private final RateLimiter byIp;

    OnlineRateLimiter(QueuePageRules rules, Clock clock) {
        QueuePageRules.RateLimit limit = rules.onlineRateLimit();
        this.byIp = new RateLimiter(new RateLimiter.Settings(limit.perIp(), limit.period(), limit.maxTracked()), clock);
    }

    /** Takes one request from the address's allowance: empty when it may go ahead, else how long to wait. */
    public Optional<Duration> tryAcquire(String clientAddress) {
        return byIp.tryTake(clientAddress);
    }
}
