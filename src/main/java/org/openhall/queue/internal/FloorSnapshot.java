package org.openhall.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowStatus;

/**
 * What the hall floor of one centre looks like at one instant: its active services with their recent handling
 * times, its windows at work and the tickets waiting. A plain value, so that the wait estimator and the alert rules are
 * pure functions of it: {@link JdbcFloorSnapshots} reads it from the database, the accuracy simulation under
 * {@code bench/} builds it from a simulated hall.
 *
 * @param services the active services, in display order
 * @param windows  the windows that have a state row (a window never signed in is absent, i.e. signed out)
 * @param waiting  today's WAITING tickets, any order
 */
public record FloorSnapshot(long centreId, Instant now, List<ServiceState> services, List<WindowState> windows,
        List<WaitingTicket> waiting) {

    public FloorSnapshot {
        services = List.copyOf(services);
        windows = List.copyOf(windows);
        waiting = List.copyOf(waiting);
    }

    /**
     * A queue service.
     *
     * @param recentMinutes handling minutes (call → finish: walking to the counter plus serving) of the service's latest
     *                      finished tickets of the day, newest first; at most the sample size is used
     */
    public record ServiceState(long id, String code, String name, String prefix, int defaultMinutes,
            List<Double> recentMinutes) {

        public ServiceState {
            recentMinutes = List.copyOf(recentMinutes);
        }
    }

    /**
     * A window at work.
     *
     * @param ownServices       the services of its own line (own_line = true)
     * @param qualifiedServices the services it is only qualified for, called when nobody waits for its own
     * @param current           the ticket called or in service, if any
     * @param since             when the window entered its status (idle since, paused since, ...)
     */
    public record WindowState(long windowId, WindowStatus status, @Nullable Long staffId, Set<Long> ownServices,
            Set<Long> qualifiedServices, @Nullable CurrentTicket current, @Nullable String pauseReason,
            @Nullable Instant pauseUntil, Instant since) {

        public WindowState {
            ownServices = Set.copyOf(ownServices);
            qualifiedServices = Set.copyOf(qualifiedServices);
        }

        /** Signed in and not paused: the window takes calls. */
        public boolean open() {
            return status == WindowStatus.IDLE || status == WindowStatus.CALLING || status == WindowStatus.SERVING;
        }

        /** How long the window has been in its status at {@code now}. */
        public Duration inStatus(Instant now) {
            return since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
        }
    }

    /** The ticket a window called or serves. */
    public record CurrentTicket(long ticketId, String number, long serviceId, TicketStatus status, Instant calledAt,
            @Nullable Instant servingAt) {
    }

    /**
     * A waiting ticket, with what the calling rule ranks it by ({@link PriorityRule}): its class, its rank time
     * ({@code rank_at}: the queue time, moved for a 过号 ticket that came back) and its queue time.
     */
    public record WaitingTicket(long id, long serviceId, String number, PriorityClass priority, Instant queuedAt,
            Instant rankAt) {
    }
}
