package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorAlertRules.Condition;

/** which alerts a floor calls for, with the defaults of QueueRules (queue 15, wait 30 min, idle 10 min). */
class FloorAlertRulesTests {

    final QueueRules defaults = QueueRules.defaults();
    final FloorAlertRules rules = new FloorAlertRules(defaults);

    static List<String> keys(List<Condition> conditions) {
        return conditions.stream().map(Condition::key).toList();
    }

    @Test
    void aQuietFloorRaisesNothing() {
        FloorFixture f = new FloorFixture().service(1, 8).serving(1, Set.of(1L), 1, 3);
        f.waiting(1, 5);
        assertThat(rules.evaluate(f.snapshot())).isEmpty();
    }

    @Test
    void longQueueWhenMoreThanTheLimitWaitForOneService() {
        FloorFixture f = new FloorFixture().service(1, 8).service(2, 8).serving(1, Set.of(1L, 2L), 1, 3);
        for (int i = 0; i < defaults.alertQueueLength(); i++) {
            f.waiting(1, 1);
            f.waiting(2, 1);
        }
        // exactly the limit: no alert
        assertThat(rules.evaluate(f.snapshot())).isEmpty();
        f.waiting(1, 0.5);
        List<Condition> c = rules.evaluate(f.snapshot());
        assertThat(keys(c)).containsExactly("LONG_QUEUE|service:1");
        assertThat(c.getFirst().count()).isEqualTo(16);
        assertThat(c.getFirst().serviceId()).isEqualTo(1L);
    }

    @Test
    void longWaitIsOneAlertPerServiceNamingTheLongestWaitingTicket() {
        FloorFixture f = new FloorFixture().service(1, 8).serving(1, Set.of(1L), 1, 3);
        f.waiting(1, 30);
        assertThat(rules.evaluate(f.snapshot())).isEmpty();
        long oldest = f.waiting(1, 45);
        f.waiting(1, 31);
        f.waiting(1, 10);
        List<Condition> c = rules.evaluate(f.snapshot());
        assertThat(keys(c)).containsExactly("LONG_WAIT|service:1");
        assertThat(c.getFirst().count()).isEqualTo(2);
        assertThat(c.getFirst().minutes()).isEqualTo(45);
        assertThat(c.getFirst().ticketNumber()).isEqualTo("T%03d".formatted(oldest));
    }

    @Test
    void windowIdleOnlyAfterTheLimitAndOnlyWhilePeopleWaitForItsServices() {
        FloorFixture f = new FloorFixture().service(1, 8).service(2, 8)
                .window(1, WindowStatus.IDLE, Set.of(1L), Set.of(), null, Duration.ofMinutes(9))
                .window(2, WindowStatus.IDLE, Set.of(2L), Set.of(1L), null, Duration.ofMinutes(10));
        f.waiting(1, 2);
        List<Condition> c = rules.evaluate(f.snapshot());
        // window 1: idle 9 minutes, under the limit; window 2: idle 10 minutes and qualified for service 1
        assertThat(keys(c)).containsExactly("WINDOW_IDLE|window:2");
        assertThat(c.getFirst().count()).isEqualTo(1);
        assertThat(c.getFirst().minutes()).isEqualTo(10);
        assertThat(c.getFirst().staffId()).isEqualTo(102L);
    }

    @Test
    void withoutDispatchQualifiedServicesDoNotMakeAWindowIdle() {
        QueueRules noDispatch = new QueueRules(30, 3, 10, Duration.ofMinutes(30), 1, 3, 2, 8, List.of("用餐"),
                Duration.ofMinutes(60), false, 20, 15, 30, 10, Duration.ofMinutes(30), Duration.ofMinutes(15), 3,
                Duration.ofDays(90), Duration.ofDays(30), 14, Duration.ofHours(1));
        FloorFixture f = new FloorFixture().service(1, 8).service(2, 8)
                .window(2, WindowStatus.IDLE, Set.of(2L), Set.of(1L), null, Duration.ofMinutes(12));
        f.waiting(1, 2);
        // nobody waits for its own line, people wait in the hall: the clerk could be moved
        assertThat(keys(new FloorAlertRules(noDispatch).evaluate(f.snapshot()))).containsExactly("CLERK_IDLE|staff:102");
    }

    @Test
    void windowPausedWhilePeopleWaitForItsServices() {
        FloorFixture f = new FloorFixture().service(1, 8).paused(1, Set.of(1L), Duration.ofMinutes(10),
                Duration.ofMinutes(5));
        assertThat(rules.evaluate(f.snapshot())).isEmpty();
        f.waiting(1, 3);
        List<Condition> c = rules.evaluate(f.snapshot());
        assertThat(keys(c)).containsExactly("WINDOW_PAUSED|window:1");
        assertThat(c.getFirst().pauseReason()).isEqualTo("用餐");
        // paused a shorter time: nothing yet
        FloorFixture g = new FloorFixture().service(1, 8).paused(1, Set.of(1L), Duration.ofMinutes(9), null);
        g.waiting(1, 3);
        assertThat(rules.evaluate(g.snapshot())).isEmpty();
    }

    @Test
    void clerkIdleWhenNobodyWaitsForTheirServicesButPeopleWaitElsewhere() {
        FloorFixture f = new FloorFixture().service(1, 8).service(2, 8)
                .window(1, WindowStatus.IDLE, Set.of(1L), Set.of(), null, Duration.ofMinutes(15))
                .serving(2, Set.of(2L), 2, 2);
        // nobody waits anywhere: an idle clerk in a quiet hall is no alert
        assertThat(rules.evaluate(f.snapshot())).isEmpty();
        f.waiting(2, 4);
        List<Condition> c = rules.evaluate(f.snapshot());
        assertThat(keys(c)).containsExactly("CLERK_IDLE|staff:101");
        assertThat(c.getFirst().windowId()).isEqualTo(1L);
        assertThat(c.getFirst().count()).isEqualTo(1);
    }

    @Test
    void busyWindowsAreNeverIdleHoweverLong() {
        FloorFixture f = new FloorFixture().service(1, 8).serving(1, Set.of(1L), 1, 40)
                .window(2, WindowStatus.CALLING, Set.of(1L), Set.of(), null, Duration.ofMinutes(20))
                .window(3, WindowStatus.SIGNED_OUT, Set.of(1L), Set.of(), null, Duration.ofHours(2));
        f.waiting(1, 5);
        assertThat(rules.evaluate(f.snapshot())).isEmpty();
    }

    @Test
    void severalConditionsAtOnce() {
        FloorFixture f = new FloorFixture().service(1, 8)
                .window(1, WindowStatus.IDLE, Set.of(1L), Set.of(), null, Duration.ofMinutes(11))
                .paused(2, Set.of(1L), Duration.ofMinutes(20), null);
        for (int i = 0; i < 16; i++) {
            f.waiting(1, 35 - i);
        }
        assertThat(keys(rules.evaluate(f.snapshot()))).containsExactlyInAnyOrder("LONG_QUEUE|service:1",
                "LONG_WAIT|service:1", "WINDOW_IDLE|window:1", "WINDOW_PAUSED|window:2");
    }
}
