package org.openhall.bench.queue;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The hall's clock during the benchmark: the system clock moved by {@value #OFFSET} milliseconds, so that the run takes
 * place inside the opening hours of a working day whatever the day and hour of the machine, while time still passes
 * (service times, waits). Every node of a run is given the same offset, so they agree on the time.
 *
 * <p>Deliberately not a {@code @Configuration}: it is handed to the application as a source by the benchmark, and the
 * application's component scan of {@code org.openhall} (which sees the benchmark classes on its class path) must not
 * pick it up in other runs.
 */
public class BenchClock {

    /** The property with the offset in milliseconds. */
    public static final String OFFSET = "openhall.bench.clock-offset-millis";

    @Bean
    @Primary
    Clock hallClock(Environment env) {
        return Clock.offset(Clock.systemUTC(), Duration.ofMillis(env.getRequiredProperty(OFFSET, Long.class)));
    }
}
