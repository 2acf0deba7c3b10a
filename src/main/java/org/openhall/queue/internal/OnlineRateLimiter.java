package org.openhall.queue.internal;

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
 * Rate limit of online ticket taking per client address (Q-1, SEC-2), a bucket4j token bucket per address configured
 * by {@link QueuePageRules#onlineRateLimit()}, like the progress query's limiter of the cases module. The buckets run on
 * the injected {@link Clock}; each node keeps its own.
 */
@Component
public class OnlineRateLimiter {

    private final QueuePageRules.RateLimit limit;
    private final TimeMeter time;
    private final Map<String, Bucket> byIp;

    OnlineRateLimiter(QueuePageRules rules, Clock clock) {
        this.limit = rules.onlineRateLimit();
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
        int max = limit.maxTracked();
        this.byIp = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** Takes one request from the address's allowance: empty when it may go ahead, else how long to wait. */
    public Optional<Duration> tryAcquire(String clientAddress) {
        Bucket bucket;
        synchronized (byIp) {
            bucket = byIp.computeIfAbsent(clientAddress, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(limit.perIp()).refillGreedy(limit.perIp(), limit.period()))
                    .withCustomTimePrecision(time)
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Optional.of(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L)));
    }
}
