package org.openhall.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openhall.queue.PriorityClass;

/**
 * Q-3 先急后缓, the order in which a window calls the waiting tickets (pure, no database).
 *
 * <p>Each ticket is ranked by the minutes it has waited since its rank time (its queue time, see V701) plus
 * {@link QueueRules#priorityBonusMinutes()} when it is not ORDINARY (special groups, green channel, appointment). The
 * highest rank goes first; equal ranks by queue time, then id. Ranking by "minutes waited + bonus" is the same as
 * ordering by the <em>effective instant</em> {@code rankAt - bonus}, which does not change while the tickets wait, so
 * the order is stable between calls. Because the bonus is a fixed number of minutes, a priority ticket overtakes only
 * those who came less than that many minutes before it — priority never jumps everyone forever.
 *
 * <p>So that ordinary tickets never sink behind a stream of priority ones: after {@link QueueRules#maxPriorityStreak()}
 * priority calls in a row at a window, its next call goes to the longest-waiting ORDINARY ticket, provided that one has
 * waited at least {@link QueueRules#priorityStreakMinWaitMinutes()}. Staff never see the class before the call.
 */
final class PriorityRule {

    /** A waiting ticket as the rule sees it. */
    record Candidate(long id, PriorityClass priority, Instant queuedAt, Instant rankAt) {
    }

    private final Duration bonus;
    private final int maxStreak;
    private final Duration streakMinWait;

    PriorityRule(QueueRules rules) {
        this.bonus = Duration.ofMinutes(Math.max(0, rules.priorityBonusMinutes()));
        this.maxStreak = rules.maxPriorityStreak();
        this.streakMinWait = Duration.ofMinutes(Math.max(0, rules.priorityStreakMinWaitMinutes()));
    }

    static boolean isPriority(PriorityClass c) {
        return c != PriorityClass.ORDINARY;
    }

    /** The instant the ticket competes with: earlier goes first. */
    Instant effective(Candidate c) {
        return effective(c.priority(), c.rankAt());
    }

    Instant effective(PriorityClass priority, Instant rankAt) {
        return isPriority(priority) ? rankAt.minus(bonus) : rankAt;
    }

    /** The rank time that gives a ticket of {@code priority} the effective instant {@code effective}. */
    Instant rankAtFor(PriorityClass priority, Instant effective) {
        return isPriority(priority) ? effective.plus(bonus) : effective;
    }

    /** Rank in minutes at {@code now}: minutes waited plus the bonus (for displays and tests). */
    double rank(Candidate c, Instant now) {
        return Duration.between(effective(c), now).toMillis() / 60_000.0;
    }

    /** Waiting tickets in rank order, without the streak cap (people ahead, the queue as displays show it). */
    List<Candidate> order(List<Candidate> waiting) {
        List<Candidate> sorted = new ArrayList<>(waiting);
        sorted.sort(Comparator.comparing((Candidate c) -> effective(c)).thenComparing(Candidate::queuedAt)
                .thenComparingLong(Candidate::id));
        return sorted;
    }

    /**
     * The order in which a window with {@code streak} priority calls in a row tries to call the waiting tickets: the
     * rank order, except that after the cap the longest-waiting ordinary ticket (if it waited long enough) goes first.
     */
    List<Candidate> callOrder(List<Candidate> waiting, int streak, Instant now) {
        List<Candidate> sorted = order(waiting);
        if (maxStreak > 0 && streak >= maxStreak && !sorted.isEmpty() && isPriority(sorted.getFirst().priority())) {
            for (int i = 1; i < sorted.size(); i++) {
                Candidate c = sorted.get(i);
                if (!isPriority(c.priority())) {
                    if (Duration.between(c.queuedAt(), now).compareTo(streakMinWait) >= 0) {
                        sorted.remove(i);
                        sorted.addFirst(c);
                    }
                    break; // the first ordinary one in rank order is the longest-waiting ordinary ticket
                }
            }
        }
        return sorted;
    }

    /** The window's priority streak after it called {@code called}. */
    static int nextStreak(int streak, PriorityClass called) {
        return isPriority(called) ? streak + 1 : 0;
    }
}
