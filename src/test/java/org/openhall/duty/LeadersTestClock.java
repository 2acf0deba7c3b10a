package org.openhall.duty;

import java.time.Clock;
import java.time.Instant;
import org.openhall.test.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock of the tests of leaders on duty and incidents; one class so that they share one application context. */
@TestConfiguration
public class LeadersTestClock {

    /** 10:00 in Shanghai on Wednesday 2026-12-02. */
    public static final Instant WEDNESDAY = Instant.parse("2026-12-02T02:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(WEDNESDAY);

    @Bean
    @Primary
    Clock leadersTestClock() {
        return CLOCK;
    }

    /** 10:00 in Shanghai on the given day (yyyy-MM-dd). */
    public static Instant at10(String day) {
        return Instant.parse(day + "T02:00:00Z");
    }
}
