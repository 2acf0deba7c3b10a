package org.openhall.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.openhall.shared.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public appointment pages and API (Q-7, SEC-2) with token buckets ({@link RateLimiter}), like the
 * progress query's: bookings per client address; look-ups and cancellations per client address and per booking code,
 * found or not. The buckets run on the injected {@link Clock}; each node keeps its own.
 */
@Component
public class AppointmentRateLimiter {

    private final RateLimiter bookingsByIp;
    private final RateLimiter lookupsByIp;
    private final RateLimiter lookupsByCode;

    AppointmentRateLimiter(AppointmentProperties properties, Clock clock) {
        AppointmentProperties.RateLimit limits = properties.rateLimit();
        this.bookingsByIp = new RateLimiter(
                new RateLimiter.Settings(limits.bookingsPerIp(), limits.bookingPeriod(), limits.maxTracked()), clock);
        this.lookupsByIp = new RateLimiter(
                new RateLimiter.Settings(limits.lookupsPerIp(), limits.lookupPeriod(), limits.maxTracked()), clock);
        this.lookupsByCode = new RateLimiter(
                new RateLimiter.Settings(limits.lookupsPerCode(), limits.lookupPeriod(), limits.maxTracked()), clock);
    }

    /** Takes one booking from the address's allowance: empty when it may go ahead, else how long to wait. */
    public Optional<Duration> tryBooking(String clientAddress) {
        return bookingsByIp.tryTake(clientAddress);
    }

    /** Takes one look-up (or cancellation) from the address's and the code's allowance. */
    public Optional<Duration> tryLookup(String clientAddress, String code) {
        Optional<Duration> ip = lookupsByIp.tryTake(clientAddress);
        if (ip.isPresent()) {
            return ip;
        }
        return lookupsByCode.tryTake(BookingCodes.normalize(code));
    }
}
