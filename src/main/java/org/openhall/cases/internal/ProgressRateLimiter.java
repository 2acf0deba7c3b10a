package org.openhall.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.openhall.shared.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public progress query (CASE-6, SEC-2) with token buckets ({@link RateLimiter}): one bucket per
 * client address and one per case number, both configured by {@link ProgressProperties.RateLimit}. Both limits apply
 * to every look-up, found or not, so that guessing mobiles for a number or numbers for a mobile is slow from one
 * address and from many. The buckets run on the injected {@link Clock}; each node keeps its own (a hall runs a
 * handful of nodes, so the effective limit is at most that many times the configured one).
 */
@Component
public class ProgressRateLimiter {

    private final RateLimiter byIp;
    private final RateLimiter byNumber;

    ProgressRateLimiter(ProgressProperties properties, Clock clock) {
        ProgressProperties.RateLimit limits = properties.rateLimit();
        this.byIp = new RateLimiter(
                new RateLimiter.Settings(limits.perIp(), limits.period(), limits.maxTracked()), clock);
        this.byNumber = new RateLimiter(
                new RateLimiter.Settings(limits.perNumber(), limits.period(), limits.maxTracked()), clock);
    }

    /**
     * Takes one look-up from the client's and the number's allowance.
     *
     * @return empty when the look-up may go ahead, otherwise how long to wait (for Retry-After)
     */
    public Optional<Duration> tryAcquire(String clientAddress, String number) {
        Optional<Duration> ip = byIp.tryTake(clientAddress);
        if (ip.isPresent()) {
            return ip;
        }
        return byNumber.tryTake(number.strip().toUpperCase(Locale.ROOT));
    }
}
