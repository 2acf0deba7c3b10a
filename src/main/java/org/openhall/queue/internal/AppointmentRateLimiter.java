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
 * Rate limits of the public appointment pages and API (Q-7, SEC-2) with bucket4j token buckets, like the progress
 * query's: bookings per client address; look-ups and cancellations per client address and per booking code, found or
 * not. The buckets run on the injected {@link Clock}; each node keeps its own.
 */
@Component
public class AppointmentRateLimiter {

    private final AppointmentProperties.RateLimit limits;
    private final TimeMeter time;
    private final Map<String, Bucket> bookingsByIp;
    private final Map<String, Bucket> lookupsByIp;
    private final Map<String, Bucket> lookupsByCode;

    AppointmentRateLimiter(AppointmentProperties properties, Clock clock) {
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
        this.bookingsByIp = lru(limits.maxTracked());
        this.lookupsByIp = lru(limits.maxTracked());
        this.lookupsByCode = lru(limits.maxTracked());
    }

    private static Map<String, Bucket> lru(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** Takes one booking from the address's allowance: empty when it may go ahead, else how long to wait. */
    public Optional<Duration> tryBooking(String clientAddress) {
        return take(bookingsByIp, clientAddress, limits.bookingsPerIp(), limits.bookingPeriod());
    }

    /** Takes one look-up (or cancellation) from the address's and the code's allowance. */
    public Optional<Duration> tryLookup(String clientAddress, String code) {
        Optional<Duration> ip = take(lookupsByIp, clientAddress, limits.lookupsPerIp(), limits.lookupPeriod());
        if (ip.isPresent()) {
            return ip;
        }
        return take(lookupsByCode, BookingCodes.normalize(code), limits.lookupsPerCode(), limits.lookupPeriod());
    }

    private Optional<Duration> take(Map<String, Bucket> buckets, String key, int capacity, Duration period) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period))
                    .withCustomTimePrecision(time).build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, Duration.ofNanos(nanos).toSeconds() + (nanos % 1_000_000_000L == 0 ? 0 : 1));
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
