package org.openhall.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorSnapshot.CurrentTicket;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.FloorSnapshot.WaitingTicket;
import org.openhall.queue.internal.FloorSnapshot.WindowState;

/** Builds {@link FloorSnapshot}s for the unit tests of the estimator and the alert rules. */
final class FloorFixture {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    final List<ServiceState> services = new ArrayList<>();
    final List<WindowState> windows = new ArrayList<>();
    final List<WaitingTicket> waiting = new ArrayList<>();
    long nextTicket = 1;

    FloorFixture service(long id, int defaultMinutes, Double... recentMinutes) {
        String prefix = String.valueOf((char) ('A' + id - 1));
        services.add(new ServiceState(id, "S" + id, "业务" + id, prefix, defaultMinutes, List.of(recentMinutes)));
        return this;
    }

    FloorFixture idle(long window, Set<Long> own) {
        return window(window, WindowStatus.IDLE, own, Set.of(), null, Duration.ZERO);
    }

    FloorFixture window(long window, WindowStatus status, Set<Long> own, Set<Long> qualified,
            @Nullable CurrentTicket current, Duration inStatus) {
        windows.add(new WindowState(window, status, 100 + window, own, qualified, current, null, null,
                NOW.minus(inStatus)));
        return this;
    }

    FloorFixture paused(long window, Set<Long> own, Duration since, @Nullable Duration back) {
        windows.add(new WindowState(window, WindowStatus.PAUSED, 100 + window, own, Set.of(), null, "用餐",
                back == null ? null : NOW.plus(back), NOW.minus(since)));
        return this;
    }

    /** A window serving a ticket of the service, called {@code minutesAgo}. */
    FloorFixture serving(long window, Set<Long> own, long service, double minutesAgo) {
        Instant called = NOW.minusSeconds(Math.round(minutesAgo * 60));
        CurrentTicket t = new CurrentTicket(900 + window, "X" + window, service, TicketStatus.SERVING, called, called);
        return window(window, WindowStatus.SERVING, own, Set.of(), t, Duration.ofSeconds(Math.round(minutesAgo * 60)));
    }

    /** A waiting ticket queued {@code minutesAgo}; returns its id. */
    long waiting(long service, double minutesAgo) {
        return waiting(service, minutesAgo, PriorityClass.ORDINARY);
    }

    long waiting(long service, double minutesAgo, PriorityClass priority) {
        long id = nextTicket++;
        Instant queued = NOW.minusSeconds(Math.round(minutesAgo * 60));
        waiting.add(new WaitingTicket(id, service, "T%03d".formatted(id), priority, queued, queued));
        return id;
    }

    FloorSnapshot snapshot() {
        return new FloorSnapshot(1, NOW, services, windows, waiting);
    }
}
