package org.openhall.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.FloorSnapshot.WaitingTicket;
import org.openhall.queue.internal.FloorSnapshot.WindowState;
import org.openhall.queue.internal.WaitEstimates.Estimate;
import org.openhall.queue.internal.WaitEstimates.ServiceLoad;

/**
 * people ahead and minutes until the call, computed from a {@link FloorSnapshot} alone (no database, no clock), so
 * that the application and the accuracy simulation under {@code bench/} run the same code.
 *
 * <p>The model, per service S:
 * <ul>
 * <li><b>Average handling minutes</b>: the mean of call → finish (walking to the counter plus serving) over the
 *     service's latest {@code estimateSampleSize} finished tickets of the day; the service's {@code default_minutes}
 *     before the first one is finished.
 * <li><b>Open windows</b>: windows signed in and not paused (IDLE, CALLING, SERVING) that call S. A window with S on its
 *     own line counts 1. A window only qualified for S (Q-10 dispatch) calls S only when nobody waits for its own line,
 *     so it counts {@link #QUALIFIED_WEIGHT} (a half: it may be drawn back to its own line at any moment) while its own
 *     line is empty, and 0 while anyone waits for its own line. The accuracy simulation measured 0, ½ and 1 for this
 *     weight; see docs/performance.md.
 * <li><b>People ahead</b>: the waiting tickets of S that the calling rule ranks before the ticket.
 * <li><b>Work ahead</b>: windows often call several services (their own line holds more than one, or they are
 *     qualified for others), and a window takes the first ticket in calling order across its services. So the minutes
 *     ahead of a ticket are the handling minutes of every waiting ticket ranked before it that competes for the same
 *     windows: a ticket of S counts its full average, a ticket of another service T counts its average times the share
 *     of T's window capacity that also serves S (at the same tier: own line with own line, qualified with qualified).
 *     With windows that call one service each this is exactly {@code peopleAhead × average}.
 * <li><b>When each window is free</b>: an idle window now; a busy one when its ticket is done (that ticket's average
 *     minus the time since the call, never below 0); a paused window (暂停服务) at the expected return its clerk gave
 *     . A paused window is not an open window, but it will be one again: leaving it out makes every estimate jump
 *     while a clerk steps away for five minutes, counting it from its return does not (measured, docs/performance.md).
 * <li><b>Minutes</b>: the tickets ahead, in calling order, each take the window that is free first and keep it for
 *     their minutes (divided by the window's weight); the ticket is called when the first window is free after them,
 *     rounded up to whole minutes. With every window free and one service per window this is
 *     ⌈⌊people ahead / open windows⌋ × average⌉; with nobody ahead and a window free it is 0; with nobody ahead and every
 *     window busy, the time until the first is free. Without any window (open or paused) the estimate assumes one opens
 *     now (the floor alerts tell the supervisor, Q-9).
 * </ul>
 *
 * <p>The calling order is given to the constructor; the application's is {@link #callingOrder(QueueRules)}, the rank
 * order of {@link PriorityRule} that the windows call by (先急后缓, Q-3). The streak cap of that rule (after a few
 * priority calls in a row a window takes the longest-waiting ordinary ticket) depends on each window's history and is
 * left out: it moves a ticket by one place now and then.
 */
public final class WaitEstimator {

    /** By queue time (kept over a transfer), then ticket id: who has waited longest (not the calling order). */
    public static final Comparator<WaitingTicket> ARRIVAL_ORDER =
            Comparator.comparing(WaitingTicket::queuedAt).thenComparingLong(WaitingTicket::id);

    /**
     * The order in which windows call: {@link PriorityRule}'s rank order — the effective instant (rank time, less
     * the priority bonus for a priority ticket), then queue time, then id.
     */
    public static Comparator<WaitingTicket> callingOrder(QueueRules rules) {
        PriorityRule rule = new PriorityRule(rules);
        return Comparator.comparing((WaitingTicket t) -> rule.effective(t.priority(), t.rankAt()))
                .thenComparing(WaitingTicket::queuedAt).thenComparingLong(WaitingTicket::id);
    }

    /** How much a window only qualified for a service counts while its own line is empty (see the class comment). */
    public static final double QUALIFIED_WEIGHT = 0.5;

    private final int sampleSize;
    private final boolean dispatch;
    private final double qualifiedWeight;
    private final boolean pausedReturn;
    private final Comparator<WaitingTicket> callingOrder;

    /**
     * @param sampleSize   {@link QueueRules#estimateSampleSize()}
     * @param dispatch     {@link QueueRules#dispatch()}: whether windows call the services they are only qualified for
     * @param callingOrder the order in which windows call waiting tickets
     */
    public WaitEstimator(int sampleSize, boolean dispatch, Comparator<WaitingTicket> callingOrder) {
        this(sampleSize, dispatch, QUALIFIED_WEIGHT, true, callingOrder);
    }

    /**
     * With the choices of the model made explicit (the simulation compares them).
     *
     * @param qualifiedWeight what a window only qualified for a service counts while its own line is empty (0..1)
     * @param pausedReturn    whether a paused window counts from its expected return (else not at all)
     */
    public WaitEstimator(int sampleSize, boolean dispatch, double qualifiedWeight, boolean pausedReturn,
            Comparator<WaitingTicket> callingOrder) {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sample size must be at least 1: " + sampleSize);
        }
        if (qualifiedWeight < 0 || qualifiedWeight > 1) {
            throw new IllegalArgumentException("qualified weight must be within 0..1: " + qualifiedWeight);
        }
        this.sampleSize = sampleSize;
        this.dispatch = dispatch;
        this.qualifiedWeight = qualifiedWeight;
        this.pausedReturn = pausedReturn;
        this.callingOrder = callingOrder;
    }

    public static WaitEstimator of(QueueRules rules) {
        return new WaitEstimator(rules.estimateSampleSize(), rules.dispatch(), callingOrder(rules));
    }

    /**
     * The mean of the latest {@code sampleSize} handling times (newest first in the list), else the default minutes.
     */
    public double averageMinutes(ServiceState service) {
        List<Double> recent = service.recentMinutes();
        int n = Math.min(sampleSize, recent.size());
        if (n == 0) {
            return service.defaultMinutes();
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += recent.get(i);
        }
        return sum / n;
    }

    /**
     * The plain formula ⌈people ahead × average / max(open windows, 1)⌉, without the competition of other services for
     * shared windows and without the time until a busy window is free; the simulation reports it beside the estimator.
     */
    public static int simpleMinutes(int peopleAhead, double averageMinutes, int openWindows) {
        return (int) Math.ceil(peopleAhead * averageMinutes / Math.max(openWindows, 1) - 1e-9);
    }

    /** The estimates on one snapshot; computing it once serves every ticket and service of the snapshot. */
    public Floor on(FloorSnapshot snapshot) {
        return new Floor(snapshot);
    }

    /** The estimates of one snapshot. */
    public final class Floor {

        private final FloorSnapshot snapshot;
        private final Map<Long, ServiceState> services = new HashMap<>();
        private final Map<Long, Double> averages = new HashMap<>();
        /** service → window → weight (open windows calling the service, weight > 0). */
        private final Map<Long, Map<Long, Double>> weights = new HashMap<>();
        /** service → window → true when the service is on the window's own line. */
        private final Map<Long, Map<Long, Boolean>> ownLine = new HashMap<>();
        /** window → minutes until it is free: the rest of its ticket in service, or of its pause. */
        private final Map<Long, Double> remaining = new HashMap<>();
        /** paused windows with an expected return: lanes of the estimate, not open windows. */
        private final Set<Long> paused = new HashSet<>();
        private final Map<Long, WaitingTicket> waitingById = new HashMap<>();

        private Floor(FloorSnapshot s) {
            this.snapshot = s;
            for (ServiceState svc : s.services()) {
                services.put(svc.id(), svc);
                averages.put(svc.id(), averageMinutes(svc));
            }
            Set<Long> servicesWithWaiting = new HashSet<>();
            for (WaitingTicket t : s.waiting()) {
                waitingById.put(t.id(), t);
                servicesWithWaiting.add(t.serviceId());
            }
            for (WindowState w : s.windows()) {
                boolean pausedWithReturn = pausedReturn && w.status() == WindowStatus.PAUSED
                        && w.pauseUntil() != null;
                if (!w.open() && !pausedWithReturn) {
                    continue;
                }
                if (pausedWithReturn) {
                    paused.add(w.windowId());
                    remaining.put(w.windowId(), minutesBetween(s.now(), w.pauseUntil()));
                }
                for (long svc : w.ownServices()) {
                    weights.computeIfAbsent(svc, k -> new HashMap<>()).put(w.windowId(), 1.0);
                    ownLine.computeIfAbsent(svc, k -> new HashMap<>()).put(w.windowId(), true);
                }
                boolean ownLineEmpty = w.ownServices().stream().noneMatch(servicesWithWaiting::contains);
                if (dispatch && ownLineEmpty && qualifiedWeight > 0) {
                    for (long svc : w.qualifiedServices()) {
                        if (!w.ownServices().contains(svc)) {
                            weights.computeIfAbsent(svc, k -> new HashMap<>()).put(w.windowId(), qualifiedWeight);
                            ownLine.computeIfAbsent(svc, k -> new HashMap<>()).put(w.windowId(), false);
                        }
                    }
                }
                if (w.current() != null && !pausedWithReturn) {
                    double elapsed = minutesBetween(w.current().calledAt(), s.now());
                    remaining.put(w.windowId(), Math.max(average(w.current().serviceId()) - elapsed, 0.0));
                }
            }
        }

        public FloorSnapshot snapshot() {
            return snapshot;
        }

        /** Average handling minutes of a service (its default for a service not in the snapshot). */
        public double average(long serviceId) {
            Double a = averages.get(serviceId);
            if (a != null) {
                return a;
            }
            ServiceState svc = services.get(serviceId);
            return svc == null ? 0 : svc.defaultMinutes();
        }

        /** The weighted number of open windows calling the service (paused ones not counted). */
        public double capacity(long serviceId) {
            double c = 0;
            for (Map.Entry<Long, Double> e : weights.getOrDefault(serviceId, Map.of()).entrySet()) {
                if (!paused.contains(e.getKey())) {
                    c += e.getValue();
                }
            }
            return c;
        }

        /** How many open windows call the service now (own line, or qualified while their own line is empty). */
        public int openWindows(long serviceId) {
            int n = 0;
            for (Long w : weights.getOrDefault(serviceId, Map.of()).keySet()) {
                if (!paused.contains(w)) {
                    n++;
                }
            }
            return n;
        }

        /** Waiting tickets of the service. */
        public int waiting(long serviceId) {
            int n = 0;
            for (WaitingTicket t : snapshot.waiting()) {
                if (t.serviceId() == serviceId) {
                    n++;
                }
            }
            return n;
        }

        /** A waiting ticket of the snapshot; (0, 0) for a ticket that does not wait. */
        public Estimate forTicket(long ticketId) {
            WaitingTicket t = waitingById.get(ticketId);
            return t == null ? new Estimate(0, 0) : estimate(t, snapshot.waiting());
        }

        /**
         * A ticket among the given waiting tickets instead of the snapshot's (newer ones: the same windows and handling
         * times, the queue as it is now); (0, 0) for a ticket not among them. With the snapshot's own waiting tickets this
         * is {@link #forTicket(long)}.
         */
        public Estimate forTicket(long ticketId, List<WaitingTicket> waiting) {
            for (WaitingTicket t : waiting) {
                if (t.id() == ticketId) {
                    return estimate(t, waiting);
                }
            }
            return new Estimate(0, 0);
        }

        /** A ticket taken now for the service (ordinary priority): what the kiosk prints and the floor shows. */
        public Estimate forNewTicket(long serviceId) {
            return estimate(new WaitingTicket(Long.MAX_VALUE, serviceId, "", PriorityClass.ORDINARY, snapshot.now(),
                    snapshot.now()), snapshot.waiting());
        }

        /** Per active service: waiting, open windows, average minutes and the wait of a ticket taken now. */
        public List<ServiceLoad> loads() {
            List<ServiceLoad> out = new ArrayList<>();
            for (ServiceState svc : snapshot.services()) {
                out.add(new ServiceLoad(svc.id(), svc.code(), svc.name(), svc.prefix(), waiting(svc.id()),
                        openWindows(svc.id()), average(svc.id()), forNewTicket(svc.id()).minutes()));
            }
            return out;
        }

        private Estimate estimate(WaitingTicket t, List<WaitingTicket> waiting) {
            long s = t.serviceId();
            Map<Long, Double> mine = weights.getOrDefault(s, Map.of());
            double ownWork = average(s);
            int ahead = 0;
            List<Ahead> before = new ArrayList<>();
            // per other service, the minutes each of its tickets takes from this service's windows (0: none, see
            // share); the last one looked up is kept, as the waiting tickets often come in runs of one service
            long lastService = s; // never another service's: the first of them is looked up
            double lastShare = 0;
            // a ticket of a service that takes nothing from these windows is passed over before it is compared (on a
            // busy floor most of the waiting tickets)
            for (WaitingTicket u : waiting) {
                if (u.id() == t.id()) {
                    continue;
                }
                long other = u.serviceId();
                double work = ownWork;
                if (other != s) {
                    if (other != lastService) {
                        lastShare = share(s, other);
                        lastService = other;
                    }
                    if (lastShare <= 0) {
                        continue;
                    }
                    work = lastShare;
                }
                if (callingOrder.compare(u, t) >= 0) {
                    continue;
                }
                if (other == s) {
                    ahead++;
                }
                before.add(new Ahead(u, work));
            }
            before.sort((a, b) -> callingOrder.compare(a.ticket(), b.ticket()));
            List<Double> works = new ArrayList<>(before.size());
            for (Ahead a : before) {
                works.add(a.minutes());
            }
            List<double[]> lanes = new ArrayList<>();
            for (Map.Entry<Long, Double> e : mine.entrySet()) {
                lanes.add(new double[] {remaining.getOrDefault(e.getKey(), 0.0), e.getValue()});
            }
            return new Estimate(ahead, (int) Math.ceil(callTime(works, lanes) - 1e-9));
        }

        /** service → other service → {@link #share}, as asked (the floor is read by several threads). */
        private final Map<Long, Map<Long, Double>> shares = new ConcurrentHashMap<>();

        /**
         * The minutes a waiting ticket of {@code other} takes from the windows that call {@code service}; 0 if none: its
         * tickets then never delay one of {@code service}, and the estimate passes them over.
         */
        public double share(long service, long other) {
            return shares.computeIfAbsent(service, k -> new ConcurrentHashMap<>()).computeIfAbsent(other,
                    o -> sharedWork(o, weights.getOrDefault(service, Map.of()), ownLine.getOrDefault(service, Map.of())));
        }

        /**
         * The minutes a ticket of another service takes from the windows of this one: its average handling time times
         * the share of its capacity that also serves this one (the same windows, on the same kind of line); 0 if none.
         */
        private double sharedWork(long other, Map<Long, Double> mine, Map<Long, Boolean> mineOwn) {
            Map<Long, Double> theirs = weights.getOrDefault(other, Map.of());
            Map<Long, Boolean> theirsOwn = ownLine.getOrDefault(other, Map.of());
            double shared = 0;
            double total = 0;
            for (Map.Entry<Long, Double> e : theirs.entrySet()) {
                total += e.getValue();
                Long w = e.getKey();
                if (mine.containsKey(w) && mineOwn.get(w).equals(theirsOwn.get(w))) {
                    shared += e.getValue();
                }
            }
            return shared > 0 ? average(other) * shared / total : 0;
        }
    }

    /** A ticket ahead in the calling order and the minutes it takes from the windows of the ticket estimated. */
    private record Ahead(WaitingTicket ticket, double minutes) {
    }

    /**
     * When a ticket is called: the tickets ahead of it, in calling order, each go to the lane (a window: minutes until it
     * is free, weight) that is free first and keep it for their minutes divided by the lane's weight; the ticket is
     * called when the first lane is free after them. Without a lane the estimate assumes one window opens now; lanes
     * weighing less than one window in all are counted as one window.
     *
     * @param works minutes of each ticket ahead, in calling order
     * @param lanes {minutes until free, weight} per window
     */
    static double callTime(List<Double> works, List<double[]> lanes) {
        List<double[]> l = new ArrayList<>();
        for (double[] lane : lanes) {
            l.add(lane.clone());
        }
        if (l.isEmpty()) {
            l.add(new double[] {0.0, 1.0});
        }
        double total = 0;
        for (double[] lane : l) {
            total += lane[1];
        }
        double scale = total < 1.0 ? 1.0 / total : 1.0;
        PriorityQueue<double[]> free = new PriorityQueue<>(Comparator.comparingDouble(lane -> lane[0]));
        free.addAll(l);
        for (double w : works) {
            double[] lane = free.poll();
            lane[0] += w / (lane[1] * scale);
            free.add(lane);
        }
        return free.peek()[0];
    }

    static double minutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
