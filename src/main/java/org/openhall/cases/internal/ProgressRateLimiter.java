package org.openhall.cases.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public progress query (CASE-6, SEC-2) with bucket4j token buckets: one bucket per client
 * address and one per case number, both configured by {@link ProgressProperties.RateLimit}. Both limits apply to
 * every look-up, found or not, so that guessing mobiles for a number or numbers for a mobile is slow from one
 * address and from many. The buckets run on the injected {@link Clock}; each node keeps its own (a hall runs a
 * handful of nodes, so the effective limit is at most that many times the configured one).
 */
@Component
public class ProgressRateLimiter {

    private final ProgressProperties.RateLimit limits;
    private final TimeMeter time;
    private final Map<String, Bucket> byIp;
    private final Map<String, Bucket> byNumber;

    ProgressRateLimiter(ProgressProperties properties, Clock clock) {
        this.limits = properties.rateLimit();
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
        this.byIp = lru(limits.maxTracked());
        this.byNumber = lru(limits.maxTracked());
    }

    private static Map<String, Bucket> lru(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Takes one look-up from the client's and the number's allowance.
     *
     * @return empty when the look-up may go ahead, otherwise how long to wait (for Retry-After)
     */
    public Optional<Duration> tryAcquire(String clientAddress, String number) {
        Optional<Duration> ip = take(byIp, clientAddress, limits.perIp());
        if (ip.isPresent()) {
            return ip;
        }
        return take(byNumber, number.strip().toUpperCase(Locale.ROOT), limits.perNumber());
    }

    private Optional<Duration> take(Map<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket(capacity).get());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private Supplier<Bucket> newBucket(int capacity) {
        return () -> Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limits.period()))
                .withCustomTimePrecision(time)
                .build();
    }
}
