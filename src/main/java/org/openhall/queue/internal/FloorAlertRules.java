package org.openhall.queue.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.FloorSnapshot.WaitingTicket;
import org.openhall.queue.internal.FloorSnapshot.WindowState;

/**
 * which floor alerts a {@link FloorSnapshot} calls for (see {@link AlertKind} for each rule). Pure: the floor scan
 * compares the result with the open alerts, raises the new ones and clears the ended ones, so that an alert is raised
 * once while its condition lasts.
 */
public final class FloorAlertRules {

    private final QueueRules rules;

    public FloorAlertRules(QueueRules rules) {
        this.rules = rules;
    }

    /**
     * A condition that holds now. {@code subjectKey} ({@code service:ID}, {@code window:ID}, {@code staff:ID}) with the
     * kind identifies the alert while it lasts.
     *
     * @param count   LONG_QUEUE: waiting; LONG_WAIT: tickets over the limit; WINDOW_*: waiting for the window's services;
     *                CLERK_IDLE: waiting in the hall
     * @param minutes LONG_WAIT: the longest wait; WINDOW_* and CLERK_IDLE: minutes idle / paused
     */
    public record Condition(AlertKind kind, String subjectKey, @Nullable Long serviceId, @Nullable Long windowId,
            @Nullable Long staffId, int count, long minutes, @Nullable String ticketNumber,
            @Nullable String pauseReason) {

        public String key() {
            return kind + "|" + subjectKey;
        }
    }

    public static String serviceKey(long serviceId) {
        return "service:" + serviceId;
    }

    public static String windowKey(long windowId) {
        return "window:" + windowId;
    }

    public static String staffKey(long staffId) {
        return "staff:" + staffId;
    }

    public List<Condition> evaluate(FloorSnapshot s) {
        List<Condition> out = new ArrayList<>();
        Map<Long, List<WaitingTicket>> byService = new HashMap<>();
        for (WaitingTicket t : s.waiting()) {
            byService.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t);
        }
        Duration waitLimit = Duration.ofMinutes(rules.alertWaitMinutes());
        for (ServiceState svc : s.services()) {
            List<WaitingTicket> waiting = byService.getOrDefault(svc.id(), List.of());
            if (waiting.size() > rules.alertQueueLength()) {
                out.add(new Condition(AlertKind.LONG_QUEUE, serviceKey(svc.id()), svc.id(), null, null, waiting.size(),
                        0, null, null));
            }
            WaitingTicket longest = null;
            int over = 0;
            for (WaitingTicket t : waiting) {
                if (Duration.between(t.queuedAt(), s.now()).compareTo(waitLimit) > 0) {
                    over++;
                    if (longest == null || WaitEstimator.ARRIVAL_ORDER.compare(t, longest) < 0) {
                        longest = t;
                    }
                }
            }
            if (longest != null) {
                out.add(new Condition(AlertKind.LONG_WAIT, serviceKey(svc.id()), svc.id(), null, null, over,
                        Duration.between(longest.queuedAt(), s.now()).toMinutes(), longest.number(), null));
            }
        }
        Duration idleLimit = Duration.ofMinutes(rules.alertIdleMinutes());
        Set<Long> clerksSeen = new HashSet<>();
        for (WindowState w : s.windows()) {
            if (w.status() != WindowStatus.IDLE && w.status() != WindowStatus.PAUSED) {
                continue;
            }
            Duration in = w.inStatus(s.now());
            if (in.compareTo(idleLimit) < 0) {
                continue;
            }
            int waitingForIt = waitingFor(w, byService);
            if (waitingForIt > 0) {
                AlertKind kind = w.status() == WindowStatus.IDLE ? AlertKind.WINDOW_IDLE : AlertKind.WINDOW_PAUSED;
                out.add(new Condition(kind, windowKey(w.windowId()), null, w.windowId(), w.staffId(), waitingForIt,
                        in.toMinutes(), null, w.pauseReason()));
            } else if (w.status() == WindowStatus.IDLE && w.staffId() != null && !s.waiting().isEmpty()
                    && clerksSeen.add(w.staffId())) {
                out.add(new Condition(AlertKind.CLERK_IDLE, staffKey(w.staffId()), null, w.windowId(), w.staffId(),
                        s.waiting().size(), in.toMinutes(), null, null));
            }
        }
        return out;
    }

    /** The tickets waiting for a window's services: its own line, and those it is qualified for when it dispatches. */
    int waitingFor(WindowState w, Map<Long, List<WaitingTicket>> byService) {
        int n = 0;
        for (long svc : w.ownServices()) {
            n += byService.getOrDefault(svc, List.of()).size();
        }
        if (rules.dispatch()) {
            for (long svc : w.qualifiedServices()) {
                if (!w.ownServices().contains(svc)) {
                    n += byService.getOrDefault(svc, List.of()).size();
                }
            }
        }
        return n;
    }
}
