package org.openhall.bench.queue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorSnapshot;
import org.openhall.queue.internal.FloorSnapshot.CurrentTicket;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.FloorSnapshot.WaitingTicket;
import org.openhall.queue.internal.FloorSnapshot.WindowState;
import org.openhall.queue.internal.QueueRules;
import org.openhall.queue.internal.WaitEstimator;
import org.openhall.queue.internal.WaitEstimates.Estimate;

/**
 * how accurate the wait estimates are, measured on simulated days of a county hall. No database: the simulation
 * runs the application's own estimator ({@link WaitEstimator}, the pure class behind {@code JdbcWaitEstimates}) on a
 * {@link FloorSnapshot} of the simulated hall at the moment each ticket is issued, under a simulated clock, and
 * compares the printed estimate with the wait the ticket then actually had (issue → call).
 *
 * <p>The day (fixed seeds, one per day): the hall issues tickets 08:30–16:30 (no lunch closure, as most county halls);
 * arrivals are a Poisson process whose rate follows a morning peak (09:00–11:00, 80 / h), a lunch dip (12:00–13:30,
 * 15 / h) and a smaller afternoon peak; five services (社保登记, 医保业务, 就业创业, 养老待遇, 综合咨询) with
 * log-normal handling times whose true means differ from the configured default minutes (as a new centre's guesses
 * do); eleven windows — some with two services on their own line, some qualified for others (Q-10 dispatch), one
 * opening only for the morning peak, one leaving early — that sign in with a few minutes' scatter, take a lunch pause
 * (30–50 min, staggered) and short random pauses (临时离岗, 3–15 min, about one every two hours), walk-up times of
 * 0.3–2 min and 3 % no-shows (skipped after 90 s). Windows call in the application's calling order and, while their
 * own line is empty, the services they are qualified for. The windows serve until nobody waits.
 *
 * <p>Printed per service and overall: tickets, mean actual wait, and the mean absolute error in minutes of
 * <ul>
 * <li><b>naive</b>: people ahead × default minutes (what a ticket machine without data would print);
 * <li><b>simple</b>: ⌈people ahead × today's average / max(open windows, 1)⌉ ({@link WaitEstimator#simpleMinutes});
 * <li><b>estimator</b>: {@link WaitEstimator} as configured in the application, and beside it with the weight of
 *     qualified-only windows at 0 and 1 and with paused windows left out (the choices documented in the estimator).
 * </ul>
 *
 * <p>{@code mvn -Pbench -DskipTests test-compile exec:exec@bench-queue-estimates}; system properties
 * {@code bench.days} (simulated days, default 20) and {@code bench.seed} (seed of the first day, default 1).
 */
public final class WaitEstimateSimulation {

    static final int MINUTE = 60;
    static final int HOUR = 3600;
    /** 2026-03-02 00:00 in Shanghai: the simulated clock starts here; times inside a day are seconds from midnight. */
    static final Instant MIDNIGHT = Instant.parse("2026-03-01T16:00:00Z");
    static final QueueRules RULES = QueueRules.defaults();
    /** The calling order of the application (its priority rule, shared with the estimator), without the streak cap. */
    static final Comparator<WaitingTicket> CALLING_ORDER = WaitEstimator.callingOrder(RULES);

    /** A service of the simulated hall: configured default, true log-normal handling (median, sigma), share. */
    record Service(long id, String code, String name, int defaultMinutes, double medianMinutes, double sigma,
            double share) {

        double meanMinutes() {
            return medianMinutes * Math.exp(sigma * sigma / 2);
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service(1, "A", "社保登记", 8, 6.0, 0.50, 0.30),
            new Service(2, "B", "医保业务", 6, 4.5, 0.60, 0.32),
            new Service(3, "C", "就业创业", 10, 9.0, 0.50, 0.10),
            new Service(4, "D", "养老待遇", 12, 11.0, 0.55, 0.10),
            new Service(5, "E", "综合咨询", 5, 3.0, 0.70, 0.18));

    /** A window: own line, qualified services, hours (seconds from midnight), whether it takes a lunch pause. */
    record WindowPlan(long id, Set<Long> own, Set<Long> qualified, int signIn, int signOutEarliest, boolean lunch) {
    }

    static final List<WindowPlan> WINDOWS = List.of(
            new WindowPlan(1, Set.of(1L), Set.of(), at(8, 30), at(17, 0), true),
            new WindowPlan(2, Set.of(1L), Set.of(), at(8, 30), at(16, 0), true),
            new WindowPlan(3, Set.of(1L), Set.of(2L), at(8, 30), at(17, 0), true),
            new WindowPlan(4, Set.of(2L), Set.of(), at(8, 30), at(17, 0), true),
            new WindowPlan(5, Set.of(2L), Set.of(), at(8, 30), at(17, 0), true),
            new WindowPlan(6, Set.of(2L, 5L), Set.of(), at(8, 30), at(17, 0), true),
            new WindowPlan(7, Set.of(3L), Set.of(4L), at(8, 30), at(17, 0), true),
            new WindowPlan(8, Set.of(3L, 4L), Set.of(), at(8, 30), at(17, 0), true),
            new WindowPlan(9, Set.of(4L), Set.of(), at(8, 30), at(17, 0), true),
            new WindowPlan(10, Set.of(5L), Set.of(1L, 2L), at(8, 30), at(17, 0), true),
            // 高峰期合理调配人员 (seed 000): a window opened for the morning peak only
            new WindowPlan(11, Set.of(1L, 2L), Set.of(), at(9, 30), at(11, 30), false));

    static final int OPEN = at(8, 30);
    static final int LAST_TICKET = at(16, 30);

    static int at(int h, int m) {
        return h * HOUR + m * MINUTE;
    }

    /** Tickets per hour at a time of day: morning peak, lunch dip, a smaller afternoon peak. */
    static double arrivalsPerHour(int t) {
        if (t < at(9, 0)) {
            return 45;
        } else if (t < at(11, 0)) {
            return 80;
        } else if (t < at(12, 0)) {
            return 50;
        } else if (t < at(13, 30)) {
            return 15;
        } else if (t < at(14, 0)) {
            return 35;
        } else if (t < at(15, 30)) {
            return 55;
        } else {
            return 30;
        }
    }

    // ---- the simulated hall ------------------------------------------------------------------------------------

    static final class Ticket {
        final long id;
        final Service service;
        final String number;
        final PriorityClass priority;
        final int issuedAt;
        int calledAt = -1;
        int finishedAt = -1;
        boolean noShow;
        // predictions at issue
        int ahead;
        int naive;
        int simple;
        final Map<String, Integer> estimates = new LinkedHashMap<>();

        Ticket(long id, Service service, String number, PriorityClass priority, int issuedAt) {
            this.id = id;
            this.service = service;
            this.number = number;
            this.priority = priority;
            this.issuedAt = issuedAt;
        }

        WaitingTicket waiting() {
            return new WaitingTicket(id, service.id(), number, priority, instant(issuedAt), instant(issuedAt));
        }
    }

    static final class Window {
        final WindowPlan plan;
        WindowStatus status = WindowStatus.SIGNED_OUT;
        int since;
        @Nullable Ticket current;
        int pauseDue = Integer.MAX_VALUE;
        @Nullable String pauseReason;
        int pauseUntil = -1;
        boolean lunchTaken;
        int lunchAt;

        Window(WindowPlan plan) {
            this.plan = plan;
        }

        void set(WindowStatus s, int now) {
            status = s;
            since = now;
        }
    }

    record Event(int time, long seq, Runnable action) {
    }

    static Instant instant(int secondOfDay) {
        return MIDNIGHT.plusSeconds(secondOfDay);
    }

    /**
     * The estimators compared: the application's (qualified-only windows weigh ½, paused windows count from their
     * expected return), beside it the weights 0 and 1, and paused windows left out.
     */
    static final Map<String, WaitEstimator> ESTIMATORS = new LinkedHashMap<>();

    static {
        ESTIMATORS.put("estimator", WaitEstimator.of(RULES));
        double q = WaitEstimator.QUALIFIED_WEIGHT;
        ESTIMATORS.put("qualified 0", new WaitEstimator(RULES.estimateSampleSize(), RULES.dispatch(), 0.0, true,
                CALLING_ORDER));
        ESTIMATORS.put("qualified 1", new WaitEstimator(RULES.estimateSampleSize(), RULES.dispatch(), 1.0, true,
                CALLING_ORDER));
        ESTIMATORS.put("no paused", new WaitEstimator(RULES.estimateSampleSize(), RULES.dispatch(), q, false,
                CALLING_ORDER));
    }

    static final class Day {
        final Random random;
        final PriorityQueue<Event> events = new PriorityQueue<>(
                Comparator.comparingInt(Event::time).thenComparingLong(Event::seq));
        long seq;
        int now;
        final List<Window> windows = new ArrayList<>();
        final List<Ticket> waiting = new ArrayList<>();
        final List<Ticket> tickets = new ArrayList<>();
        final Map<Long, Deque<Double>> finished = new LinkedHashMap<>();
        final Map<Long, Integer> counters = new LinkedHashMap<>();
        long nextTicketId = 1;

        Day(long seed) {
            random = new Random(seed);
            for (Service s : SERVICES) {
                finished.put(s.id(), new ArrayDeque<>());
                counters.put(s.id(), 0);
            }
            for (WindowPlan p : WINDOWS) {
                windows.add(new Window(p));
            }
        }

        void schedule(int time, Runnable action) {
            events.add(new Event(time, seq++, action));
        }

        double lognormal(double median, double sigma) {
            return median * Math.exp(sigma * random.nextGaussian());
        }

        int exponential(double meanSeconds) {
            return (int) Math.round(-meanSeconds * Math.log(1 - random.nextDouble()));
        }

        List<Ticket> run() {
            // arrivals: thinning of a Poisson process at the peak rate
            double peak = 80.0 / HOUR;
            double t = OPEN;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / peak;
                if (t >= LAST_TICKET) {
                    break;
                }
                int when = (int) t;
                if (random.nextDouble() < arrivalsPerHour(when) / 80.0) {
                    schedule(when, this::arrive);
                }
            }
            boolean earlyLunch = true;
            for (Window w : windows) {
                int signIn = w.plan.signIn() + random.nextInt(8 * MINUTE);
                schedule(signIn, () -> signIn(w));
                if (w.plan.lunch()) {
                    // staggered: half of the windows at 11:40–12:00, the others at 12:30–12:50
                    w.lunchAt = (earlyLunch ? at(11, 40) : at(12, 30)) + random.nextInt(20 * MINUTE);
                    earlyLunch = !earlyLunch;
                }
            }
            while (!events.isEmpty()) {
                Event e = events.poll();
                now = e.time();
                e.action().run();
            }
            return tickets;
        }

        void signIn(Window w) {
            w.set(WindowStatus.IDLE, now);
            planShortPause(w);
            next(w);
        }

        void planShortPause(Window w) {
            w.pauseDue = now + exponential(2 * HOUR);
        }

        void arrive() {
            Service s = pickService();
            int seqNo = counters.merge(s.id(), 1, Integer::sum);
            PriorityClass priority = random.nextDouble() < 0.05 ? PriorityClass.SPECIAL : PriorityClass.ORDINARY;
            Ticket ticket = new Ticket(nextTicketId++, s, s.code() + "%03d".formatted(seqNo), priority, now);
            waiting.add(ticket);
            tickets.add(ticket);
            predict(ticket);
            // an idle window calls at once
            for (Window w : windows) {
                if (w.status == WindowStatus.IDLE && w.current == null) {
                    next(w);
                }
            }
        }

        Service pickService() {
            double r = random.nextDouble();
            double sum = 0;
            for (Service s : SERVICES) {
                sum += s.share();
                if (r < sum) {
                    return s;
                }
            }
            return SERVICES.getLast();
        }

        /** What the kiosk prints for the ticket, from a snapshot of the hall now. */
        void predict(Ticket t) {
            FloorSnapshot snapshot = snapshot();
            for (Map.Entry<String, WaitEstimator> e : ESTIMATORS.entrySet()) {
                WaitEstimator.Floor floor = e.getValue().on(snapshot);
                Estimate estimate = floor.forTicket(t.id);
                t.estimates.put(e.getKey(), estimate.minutes());
                if (e.getKey().equals("estimator")) {
                    t.ahead = estimate.peopleAhead();
                    t.naive = t.ahead * t.service.defaultMinutes();
                    t.simple = WaitEstimator.simpleMinutes(t.ahead, floor.average(t.service.id()),
                            floor.openWindows(t.service.id()));
                }
            }
        }

        FloorSnapshot snapshot() {
            List<ServiceState> services = new ArrayList<>();
            for (Service s : SERVICES) {
                services.add(new ServiceState(s.id(), s.code(), s.name(), s.code(), s.defaultMinutes(),
                        List.copyOf(finished.get(s.id()))));
            }
            List<WindowState> ws = new ArrayList<>();
            for (Window w : windows) {
                CurrentTicket current = w.current == null ? null
                        : new CurrentTicket(w.current.id, w.current.number, w.current.service.id(),
                                w.status == WindowStatus.SERVING ? TicketStatus.SERVING : TicketStatus.CALLED,
                                instant(w.current.calledAt), null);
                ws.add(new WindowState(w.plan.id(), w.status, w.plan.id(), w.plan.own(), w.plan.qualified(), current,
                        w.pauseReason, w.pauseUntil < 0 ? null : instant(w.pauseUntil), instant(w.since)));
            }
            return new FloorSnapshot(1, instant(now), services, ws, waiting.stream().map(Ticket::waiting).toList());
        }

        /** A free window: pause if due, sign out if its day is over and nobody waits for it, else call the next. */
        void next(Window w) {
            if (w.status != WindowStatus.IDLE || w.current != null) {
                return;
            }
            if (w.plan.lunch() && !w.lunchTaken && now >= w.lunchAt) {
                w.lunchTaken = true;
                pause(w, "用餐", (30 + random.nextInt(21)) * MINUTE);
                return;
            }
            if (now >= w.pauseDue) {
                pause(w, "临时离岗", (3 + random.nextInt(13)) * MINUTE);
                return;
            }
            if (now >= w.plan.signOutEarliest()) {
                // the end of its day: leave when nobody waits for its own line; a window leaving before the hall closes
                // (16:00, or after the morning peak) leaves when others serve its line
                boolean early = w.plan.signOutEarliest() < at(17, 0);
                if (pick(w.plan.own()) == null || (early && othersServe(w))) {
                    w.set(WindowStatus.SIGNED_OUT, now);
                    return;
                }
            }
            Ticket t = choose(w);
            if (t != null) {
                call(w, t);
            }
        }

        boolean othersServe(Window w) {
            for (long service : w.plan.own()) {
                boolean served = false;
                for (Window o : windows) {
                    if (o != w && o.status != WindowStatus.SIGNED_OUT && o.plan.own().contains(service)) {
                        served = true;
                    }
                }
                if (!served) {
                    return false;
                }
            }
            return true;
        }

        @Nullable Ticket choose(Window w) {
            Ticket best = pick(w.plan.own());
            if (best == null && RULES.dispatch()) {
                best = pick(w.plan.qualified());
            }
            return best;
        }

        @Nullable Ticket pick(Set<Long> services) {
            Ticket best = null;
            for (Ticket t : waiting) {
                if (services.contains(t.service.id())
                        && (best == null || CALLING_ORDER.compare(t.waiting(), best.waiting()) < 0)) {
                    best = t;
                }
            }
            return best;
        }

        void call(Window w, Ticket t) {
            waiting.remove(t);
            t.calledAt = now;
            w.current = t;
            w.set(WindowStatus.CALLING, now);
            if (random.nextDouble() < 0.03) {
                t.noShow = true;
                schedule(now + 90, () -> {
                    w.current = null;
                    w.set(WindowStatus.IDLE, now);
                    next(w);
                });
                return;
            }
            int walk = (int) Math.round((0.3 + 1.7 * random.nextDouble()) * MINUTE);
            schedule(now + walk, () -> {
                w.set(WindowStatus.SERVING, now);
                int serve = (int) Math.round(lognormal(t.service.medianMinutes(), t.service.sigma()) * MINUTE);
                schedule(now + serve, () -> finish(w, t));
            });
        }

        void finish(Window w, Ticket t) {
            t.finishedAt = now;
            Deque<Double> recent = finished.get(t.service.id());
            recent.addFirst((t.finishedAt - t.calledAt) / 60.0);
            while (recent.size() > RULES.estimateSampleSize()) {
                recent.removeLast();
            }
            w.current = null;
            w.set(WindowStatus.IDLE, now);
            // the clerk presses 叫号 a few seconds later
            schedule(now + random.nextInt(20), () -> next(w));
        }

        /** 暂停服务 with the expected return the clerk gives; a third of the pauses run over by up to 5 minutes. */
        void pause(Window w, String reason, int length) {
            w.pauseReason = reason;
            w.pauseUntil = now + length;
            w.set(WindowStatus.PAUSED, now);
            int overrun = random.nextDouble() < 1.0 / 3 ? random.nextInt(5 * MINUTE) : 0;
            schedule(now + length + overrun, () -> {
                w.pauseReason = null;
                w.pauseUntil = -1;
                w.set(WindowStatus.IDLE, now);
                planShortPause(w);
                next(w);
            });
        }
    }

    // ---- the report ---------------------------------------------------------------------------------------------

    static final class Errors {
        int n;
        double actual;
        double naive;
        double simple;
        final Map<String, Double> estimators = new LinkedHashMap<>();
        double bias;

        void add(Ticket t) {
            double a = (t.calledAt - t.issuedAt) / 60.0;
            n++;
            actual += a;
            naive += Math.abs(t.naive - a);
            simple += Math.abs(t.simple - a);
            for (Map.Entry<String, Integer> e : t.estimates.entrySet()) {
                estimators.merge(e.getKey(), Math.abs(e.getValue() - a), Double::sum);
            }
            bias += t.estimates.get("estimator") - a;
        }

        String row(String label) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "| %-14s | %7d | %9.1f | %7.2f | %7.2f |",
                    label, n, actual / n, naive / n, simple / n));
            for (double e : estimators.values()) {
                b.append(String.format(Locale.ROOT, " %11.2f |", e / n));
            }
            b.append(String.format(Locale.ROOT, " %+6.2f |", bias / n));
            return b.toString();
        }
    }

    public static void main(String[] args) {
        int days = Integer.getInteger("bench.days", 20);
        long seed = Long.getLong("bench.seed", 1L);
        Map<String, Errors> perService = new LinkedHashMap<>();
        for (Service s : SERVICES) {
            perService.put(s.code(), new Errors());
        }
        Errors all = new Errors();
        Errors peak = new Errors();
        Errors priority = new Errors();
        int served = 0;
        int noShows = 0;
        double maxWait = 0;
        Set<Long> unserved = new HashSet<>();
        for (int d = 0; d < days; d++) {
            Day day = new Day(seed + d);
            for (Ticket t : day.run()) {
                if (t.calledAt < 0) {
                    unserved.add(t.id);
                    continue;
                }
                served++;
                if (t.noShow) {
                    noShows++;
                }
                maxWait = Math.max(maxWait, (t.calledAt - t.issuedAt) / 60.0);
                all.add(t);
                perService.get(t.service.code()).add(t);
                if (t.issuedAt >= at(9, 0) && t.issuedAt < at(11, 0)) {
                    peak.add(t);
                }
                if (t.priority != PriorityClass.ORDINARY) {
                    priority.add(t);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nQ-6 wait estimates on %d simulated days (seeds %d..%d): %d tickets called"
                        + " (%.0f a day), %d no-shows, %d never called, longest wait %.0f min%n%n", days, seed,
                seed + days - 1, served, served / (double) days, noShows, unserved.size(), maxWait);
        System.out.println("Mean absolute error in minutes (estimate printed at issue vs actual issue → call):");
        System.out.println();
        StringBuilder head = new StringBuilder("| service        | tickets | mean wait |   naive |  simple |");
        StringBuilder line = new StringBuilder("|----------------|--------:|----------:|--------:|--------:|");
        for (String name : ESTIMATORS.keySet()) {
            head.append(String.format(Locale.ROOT, " %11s |", name));
            line.append("------------:|");
        }
        head.append("   bias |");
        line.append("-------:|");
        System.out.println(head);
        System.out.println(line);
        for (Service s : SERVICES) {
            System.out.println(perService.get(s.code()).row(s.code() + " " + s.name()));
        }
        System.out.println(peak.row("09–11 peak"));
        System.out.println(priority.row("priority (5 %)"));
        System.out.println(all.row("all"));
        System.out.println();
        System.out.println("naive: people ahead × default minutes; simple: ⌈people ahead × today's average / max(open"
                + " windows, 1)⌉;");
        System.out.println("estimator: WaitEstimator as configured (qualified-only windows weigh "
                + WaitEstimator.QUALIFIED_WEIGHT + ", paused windows count from their expected return); beside it");
        System.out.println("qualified 0 / 1: qualified-only windows weigh 0 / 1; no paused: paused windows left out;"
                + " bias: mean (estimator − actual).");
        System.out.println();
        System.out.println("True mean handling minutes (walk-up not included) vs the configured default:");
        for (Service s : SERVICES) {
            System.out.printf(Locale.ROOT, "  %s %s: %.1f vs %d%n", s.code(), s.name(), s.meanMinutes(), s.defaultMinutes());
        }
    }

    private WaitEstimateSimulation() {
    }
}
