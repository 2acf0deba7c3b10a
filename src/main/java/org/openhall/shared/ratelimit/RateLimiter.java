package org.openhall.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket4j token bucket per key (a client address, a case number, a booking code): each key may take
 * {@link Settings#capacity()} within {@link Settings#period()}, refilled greedily. At most
 * {@link Settings#maxTracked()} keys are kept in memory, the least recently seen go first. The buckets run on the
 * given {@link Clock}; each node keeps its own.
 */
public final class RateLimiter {

    /**
     * @param capacity   takes per key per {@code period}
     * @param period     the refill period
     * @param maxTracked the most keys kept in memory
     */
    public record Settings(int capacity, Duration period, int maxTracked) {
    }

    private final Settings settings;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public RateLimiter(Settings settings, Clock clock) {
        this.settings = settings;
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
        int max = settings.maxTracked();
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Takes one from the key's allowance.
     *
     * @return empty when the request may go ahead, otherwise how long to wait in whole seconds, at least one (for
     *         Retry-After)
     */
    public Optional<Duration> tryTake(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(settings.capacity()).refillGreedy(settings.capacity(), settings.period()))
                    .withCustomTimePrecision(time)
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, Math.ceilDiv(nanos, 1_000_000_000L));
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
