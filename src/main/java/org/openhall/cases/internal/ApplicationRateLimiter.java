package org.openhall.cases.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limit on online submissions per client address (CASE-10, {@link ApplicationProperties#submissionsPerIp()}): a
 * bucket4j token bucket per address, on the injected {@link Clock}, at most 100,000 addresses kept (least recently
 * seen dropped first). Only submissions that passed every check count, so typing mistakes cost nothing.
 */
@Component
class ApplicationRateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final int capacity;
    private final Duration period;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    ApplicationRateLimiter(ApplicationProperties properties, Clock clock) {
        this.capacity = properties.submissionsPerIp();
        this.period = properties.submissionPeriod();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one submission from the address's allowance; empty when allowed, else how long to wait. */
    Optional<Duration> tryAcquire(String clientAddress) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(clientAddress, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period))
                    .withCustomTimePrecision(time).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Optional.of(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
    }
}
