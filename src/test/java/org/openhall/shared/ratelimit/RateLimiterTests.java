package org.openhall.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openhall.test.MutableClock;

/** The per-key token buckets behind the public pages' rate limits (SEC-2). */
class RateLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void eachKeyHasItsOwnAllowanceAndTheWaitIsInWholeSecondsRoundedUp() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Settings(2, Duration.ofMinutes(1), 100), clock);

        assertThat(limiter.tryTake("10.0.0.1")).isEmpty();
        assertThat(limiter.tryTake("10.0.0.1")).isEmpty();
        assertThat(limiter.tryTake("10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(limiter.tryTake("10.0.0.2")).isEmpty();

        clock.advance(Duration.ofMillis(29_500));
        assertThat(limiter.tryTake("10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryTake("10.0.0.1")).isEmpty();
    }

    @Test
    void theLeastRecentlySeenKeyIsForgottenBeyondMaxTracked() {
        RateLimiter limiter = new RateLimiter(new RateLimiter.Settings(1, Duration.ofHours(1), 2), clock);

        assertThat(limiter.tryTake("a")).isEmpty();
        assertThat(limiter.tryTake("b")).isEmpty();
        assertThat(limiter.tryTake("a")).isPresent();
        assertThat(limiter.tryTake("c")).isEmpty(); // b, least recently seen, goes
        assertThat(limiter.tryTake("a")).isPresent();
        assertThat(limiter.tryTake("b")).isEmpty();
    }
}
