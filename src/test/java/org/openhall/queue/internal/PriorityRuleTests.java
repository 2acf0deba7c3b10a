package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.internal.PriorityRule.Candidate;

/** Q-3 先急后缓: the calling order weighs priority against time waited and caps priority streaks. */
class PriorityRuleTests {

    static final Instant T0 = Instant.parse("2026-09-28T01:00:00Z");
    final PriorityRule rule = new PriorityRule(QueueRules.defaults()); // bonus 30 min, cap 3, min wait 10 min

    static Candidate c(long id, PriorityClass p, int minute) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        return new Candidate(id, p, at, at);
    }

    static List<Long> ids(List<Candidate> cs) {
        return cs.stream().map(Candidate::id).toList();
    }

    @Test
    void ordinaryTicketsAreFirstComeFirstServed() {
        List<Candidate> waiting = List.of(c(3, PriorityClass.ORDINARY, 2), c(1, PriorityClass.ORDINARY, 0),
                c(2, PriorityClass.ORDINARY, 1));
        assertThat(ids(rule.order(waiting))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void priorityOvertakesOnlyThoseWhoCameLessThanTheBonusBefore() {
        // ordinary tickets at minutes 0, 20, 40; a green-channel ticket at minute 45 ranks as if it came at minute 15
        List<Candidate> waiting = List.of(c(1, PriorityClass.ORDINARY, 0), c(2, PriorityClass.ORDINARY, 20),
                c(3, PriorityClass.ORDINARY, 40), c(4, PriorityClass.GREEN_CHANNEL, 45));
        assertThat(ids(rule.order(waiting))).containsExactly(1L, 4L, 2L, 3L);
        // rank = minutes waited + bonus at minute 50: ticket 4 has waited 5 minutes, ranks 35
        assertThat(rule.rank(waiting.get(3), T0.plus(Duration.ofMinutes(50)))).isEqualTo(35.0);
        assertThat(rule.rank(waiting.get(1), T0.plus(Duration.ofMinutes(50)))).isEqualTo(30.0);
    }

    @Test
    void everyNonOrdinaryClassGetsTheBonusAndTiesGoByQueueTimeThenId() {
        for (PriorityClass p : List.of(PriorityClass.SPECIAL, PriorityClass.GREEN_CHANNEL, PriorityClass.APPOINTMENT)) {
            assertThat(ids(rule.order(List.of(c(1, PriorityClass.ORDINARY, 0), c(2, p, 10))))).as(p.name())
                    .containsExactly(2L, 1L);
        }
        // equal rank: ordinary at minute 0 and priority at minute 30 both rank from minute 0 -> earlier queue time first
        assertThat(ids(rule.order(List.of(c(2, PriorityClass.SPECIAL, 30), c(1, PriorityClass.ORDINARY, 0)))))
                .containsExactly(1L, 2L);
        // same queue time and class: by id
        assertThat(ids(rule.order(List.of(c(7, PriorityClass.ORDINARY, 5), c(6, PriorityClass.ORDINARY, 5)))))
                .containsExactly(6L, 7L);
    }

    @Test
    void afterTheStreakCapTheLongestWaitingOrdinaryTicketGoesNext() {
        Instant now = T0.plus(Duration.ofMinutes(60));
        List<Candidate> waiting = List.of(c(1, PriorityClass.ORDINARY, 30), c(2, PriorityClass.ORDINARY, 40),
                c(3, PriorityClass.SPECIAL, 50), c(4, PriorityClass.SPECIAL, 55));
        assertThat(ids(rule.callOrder(waiting, 2, now))).as("below the cap").containsExactly(3L, 4L, 1L, 2L);
        assertThat(ids(rule.callOrder(waiting, 3, now))).as("at the cap").containsExactly(1L, 3L, 4L, 2L);
        assertThat(PriorityRule.nextStreak(2, PriorityClass.SPECIAL)).isEqualTo(3);
        assertThat(PriorityRule.nextStreak(3, PriorityClass.ORDINARY)).isZero();
    }

    @Test
    void theCapDoesNotCallAnOrdinaryTicketThatHasWaitedLessThanTheMinimum() {
        Instant now = T0.plus(Duration.ofMinutes(60));
        List<Candidate> waiting = List.of(c(1, PriorityClass.ORDINARY, 55), c(3, PriorityClass.SPECIAL, 50));
        assertThat(ids(rule.callOrder(waiting, 5, now))).containsExactly(3L, 1L);
    }

    /** However many priority tickets keep arriving, an ordinary ticket is called within a bounded number of calls. */
    @Test
    void ordinaryNeverSinks() {
        List<Candidate> waiting = new ArrayList<>();
        waiting.add(c(1, PriorityClass.ORDINARY, 0));
        long next = 2;
        int streak = 0;
        int calls = 0;
        Instant now = T0;
        boolean ordinaryCalled = false;
        while (calls < 50 && !ordinaryCalled) {
            // two new priority tickets arrive every minute, faster than the window calls
            for (int k = 0; k < 2; k++) {
                waiting.add(new Candidate(next++, PriorityClass.SPECIAL, now, now));
            }
            Candidate called = rule.callOrder(waiting, streak, now).getFirst();
            waiting.remove(called);
            streak = PriorityRule.nextStreak(streak, called.priority());
            ordinaryCalled = called.id() == 1;
            calls++;
            now = now.plus(Duration.ofMinutes(1));
        }
        assertThat(ordinaryCalled).isTrue();
        assertThat(calls).isLessThanOrEqualTo(QueueRules.defaults().maxPriorityStreak() + 1
                + QueueRules.defaults().priorityStreakMinWaitMinutes());
    }

    @Test
    void rankTimesGiveTheWantedEffectiveInstant() {
        Instant e = T0.plus(Duration.ofMinutes(7));
        assertThat(rule.effective(PriorityClass.SPECIAL, rule.rankAtFor(PriorityClass.SPECIAL, e))).isEqualTo(e);
        assertThat(rule.effective(PriorityClass.ORDINARY, rule.rankAtFor(PriorityClass.ORDINARY, e))).isEqualTo(e);
    }
}
