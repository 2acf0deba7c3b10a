package org.openhall.cases.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The applicant's progress query (CASE-6), {@code openhall.cases.progress.*}. Not from a regulation: the rate
 * limits keep the public query from being used to guess which numbers and mobiles belong together (SEC-2).
 *
 * @param rateLimit how many look-ups a client address and a case number may make
 * @param messages  how many of the case's public messages the result shows, newest first
 */
@ConfigurationProperties("openhall.cases.progress")
public record ProgressProperties(@Name("rate-limit") @DefaultValue RateLimit rateLimit, @DefaultValue("20") int messages) {

    /**
     * @param perIp         look-ups per client address per {@code period} (default 10 a minute)
     * @param perNumber     look-ups of one case number per {@code period}, from anywhere (default 5 a minute)
     * @param period        the refill period of both limits
     * @param maxTracked    the most client addresses and numbers kept in memory; the least recently seen go first
     */
    public record RateLimit(@DefaultValue("10") int perIp, @DefaultValue("5") int perNumber,
            @DefaultValue("1m") Duration period, @DefaultValue("100000") int maxTracked) {
    }
}
