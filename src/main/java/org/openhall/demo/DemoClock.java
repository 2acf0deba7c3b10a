package org.openhall.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The clock of a demonstration installation: the system clock, except while the demo loader replays the last weeks
 * of the demo centre (cases received, suspended, completed on earlier days), when it stands at the moment being
 * replayed. It is back at the real time before the loader ends, and is never moved otherwise.
 */
final class DemoClock extends Clock {

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    DemoClock(Clock system) {
        this.system = system;
    }

    /** Stands the clock at {@code moment} (the loader replays what happened then). */
    void travelTo(Instant moment) {
        offset = Duration.between(system.instant(), moment);
    }

    /** Back to the real time. */
    void backToNow() {
        offset = Duration.ZERO;
    }

    Instant realNow() {
        return system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    /** Only on a demonstration installation; takes the place of the system clock there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("openhall.demo.enabled")
    static class DemoClockConfiguration {

        @Bean
        @Primary
        DemoClock demoClock() {
            return new DemoClock(Clock.systemUTC());
        }
    }
}
