package org.openhall.queue.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Appointments, {@code openhall.queue.appointments.*}: what is not a rule of a regulation (those are in
 * {@link QueueRules}). The rate limits keep the public booking and look-up from being used to fill a day's slots with
 * made-up bookings or to guess which codes and mobiles belong together (SEC-2).
 *
 * @param rateLimit  how many bookings and look-ups a client address may make
 * @param sweepCron  when the no-show sweep runs (besides the lazy sweep before every booking, check-in and staff view)
 * @param sweepEnabled whether the scheduled sweep runs at all
 */
@ConfigurationProperties("openhall.queue.appointments")
public record AppointmentProperties(@Name("rate-limit") @DefaultValue RateLimit rateLimit,
        @DefaultValue("0 */5 * * * *") String sweepCron, @DefaultValue("true") boolean sweepEnabled) {

    /**
     * @param bookingsPerIp bookings per client address per {@code bookingPeriod} (default 5 an hour)
     * @param bookingPeriod the refill period of the booking limit
     * @param lookupsPerIp  look-ups and cancellations per client address per {@code lookupPeriod} (default 10 a minute)
     * @param lookupsPerCode look-ups of one booking code per {@code lookupPeriod}, from anywhere (default 5 a minute)
     * @param lookupPeriod  the refill period of the look-up limits
     * @param maxTracked    the most addresses and codes kept in memory; the least recently seen go first
     */
    public record RateLimit(@DefaultValue("5") int bookingsPerIp, @DefaultValue("1h") Duration bookingPeriod,
            @DefaultValue("10") int lookupsPerIp, @DefaultValue("5") int lookupsPerCode,
            @DefaultValue("1m") Duration lookupPeriod, @DefaultValue("100000") int maxTracked) {
    }
}
