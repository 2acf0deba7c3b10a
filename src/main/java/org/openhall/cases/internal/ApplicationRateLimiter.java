package org.openhall.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.openhall.shared.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * The limit on online submissions per client address (CASE-10, {@link ApplicationProperties#submissionsPerIp()}): a
 * token bucket per address ({@link RateLimiter}), on the injected {@link Clock}, at most 100,000 addresses kept (least
 * recently seen dropped first). Only submissions that passed every check count, so typing mistakes cost nothing.
 */
@Component
class ApplicationRateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final RateLimiter byIp;

    ApplicationRateLimiter(ApplicationProperties properties, Clock clock) {
        this.byIp = new RateLimiter(new RateLimiter.Settings(properties.submissionsPerIp(),
                properties.submissionPeriod(), MAX_TRACKED), clock);
    }

    /** Takes one submission from the address's allowance; empty when allowed, else how long to wait. */
    Optional<Duration> tryAcquire(String clientAddress) {
        return byIp.tryTake(clientAddress);
    }
}
