package org.openhall.bench.queue;

import static org.openhall.bench.PostgresBench.loadAverage;
import static org.openhall.bench.PostgresBench.seconds;
import static org.openhall.bench.PostgresBench.step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openhall.bench.PostgresBench;
import org.openhall.organization.Gender;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.QueueFixture;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueDesk.TicketView;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hall floor under load on PostgreSQL (Q-2, Q-4, issue item 10), in one run on one database:
 * <ol>
 * <li><b>calling throughput</b>: 200 windows with staff signed in loop call next → start → finish through
 * {@link QueueDesk} (the code behind the pages and the API), each on a thread of its own, while kiosk threads issue
 * tickets whenever fewer than a backlog wait, so that the queues never run dry; per operation the latency (sorted array
 * of nanoseconds: p50, p99, max) and the operations per second, after a warm-up;</li>
 * <li><b>double calls</b>, checked afterwards in {@code q_ticket_history} / {@code q_ticket}: a ticket with more than one
 * CALL, a ticket whose window is not the one that called it, a window that called while holding a ticket — each must be
 * 0 — and the callers' own record (a ticket handed to two callers);</li>
 * <li><b>the reference</b>: {@code pgbench -b simple-update} with as many clients as the application has connections,
 * for as long, on the same database (tables in a schema {@code pgbench} of their own), its TPS and latency beside the
 * floor's, and the ratio floor commands per second / pgbench TPS (target ≥ 0.5);</li>
 * <li><b>call → display latency</b> over server-sent events: hall displays connected to node 1's event stream
 * ({@code /api/v1/queue/centres/{code}/events}, staff Basic login) time every call of the load (same node, under load),
 * then calls made one at a time on node 1 (same node) and on node 2 — a second OpenHall process on the same database
 * ({@link QueueBenchNode}) — whose events reach node 1 through PostgreSQL LISTEN/NOTIFY (targets p99 &lt; 100 ms and
 * &lt; 250 ms).</li>
 * </ol>
 * The database {@code openhall_bench_queue} is dropped and created, migrated with the Flyway API, and the application
 * started on it without demo data and with the schedulers off (电子监察 scan, queue day closing); its clock is the
 * system clock moved to Monday 2026-09-28 10:00 in Shanghai (a working day, the hall open 08:30–17:30), so that the run
 * is inside the opening hours whatever the machine's time ({@link BenchClock}).
 *
 * <p>{@code mvn -Pbench -DskipTests test-compile exec:exec@bench-queue}; system properties (Maven properties of the same
 * name): {@code bench.queue.windows} (200), {@code bench.queue.services} (20; each window has one of them as its own
 * line and is qualified for the next two), {@code bench.queue.kiosks} (80: issuing threads, as many as it takes to keep
 * tickets waiting when all threads queue for the same connections), {@code bench.queue.backlog} (tickets kept waiting,
 * 2 per window), {@code bench.queue.seconds} (measured, 60; also
 * pgbench's {@code -T}), {@code bench.queue.warmup} (10: at least; then until node 1's JIT compilers settle, at most
 * {@code bench.queue.warmup-max}, 120), {@code bench.queue.pool} (node 1's connections, 16; also
 * pgbench's {@code -c}), {@code bench.queue.displays} (4), {@code bench.queue.display-calls} (200 per node),
 * {@code bench.queue.pgbench} ({@code /usr/bin/pgbench}), {@code bench.queue.pgbench-scale} (10), {@code bench.pg.url},
 * {@code bench.pg.user}, {@code bench.pg.password}.
 */
public final class QueueBenchmark {

    static final String DATABASE = "openhall_bench_queue";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-09-28 10:00 in Shanghai: a working day of the built-in calendar, the hall open 08:30–17:30. */
    static final Instant OPEN = Instant.parse("2026-09-28T02:00:00Z");
    /** The lines of a big hall (市民中心); beyond them 综合业务N. Prefixes A…Z, then AA, AB, … */
    static final String[] SERVICE_NAMES = {"社保登记与参保", "医疗保险", "就业创业", "养老待遇", "住房公积金", "不动产登记",
            "户籍业务", "税务综合", "市场主体登记", "出入境", "机动车业务", "驾驶证业务", "婚姻登记", "公证", "水电气报装",
            "教育入学", "残疾人服务", "退役军人服务", "民政救助", "综合咨询"};

    static String serviceName(int s) {
        return s < SERVICE_NAMES.length ? SERVICE_NAMES[s] : "综合业务" + (s + 1);
    }

    static String prefix(int s) {
        return s < 26 ? Character.toString('A' + s) : Character.toString('A' + s / 26 - 1) + (char) ('A' + s % 26);
    }

    /** Services a window is qualified for besides its own line. */
    static final int QUALIFIED = 2;
    /** A window that found nobody waiting calls again after this long (a clerk looking at the screen). */
    static final long EMPTY_BACKOFF_MS = 50;

    enum Op {
        ISSUE("issue (kiosk)"), CALL("callNext"), START("start"), FINISH("finish");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    private QueueBenchmark() {
    }

    /** The arguments both nodes start with (besides those of {@link PostgresBench#startApplication}). */
    static String[] nodeArguments(long clockOffsetMillis, int pool) {
        return new String[] {"--" + BenchClock.OFFSET + "=" + clockOffsetMillis,
                // the floor's schedulers off: day closing, floor scan, appointment no-show sweep
                "--openhall.queue.close-day.enabled=false", "--openhall.queue.floor-scan.enabled=false",
                "--openhall.queue.appointments.sweep-enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=" + pool, "--spring.datasource.hikari.minimum-idle=" + pool,
                // 200 window threads share the pool: a thread may wait for a connection longer than the usual 5 s
                "--spring.datasource.hikari.connection-timeout=60000",
                // the hub says when it closes a stream that fell behind (the display reconnects and resumes)
                "--logging.level.org.openhall.queue.internal.LiveHub=INFO"};
    }

    public static void main(String[] args) throws Exception {
        int windows = Integer.getInteger("bench.queue.windows", 200);
        int serviceCount = Math.min(26 * 27, Integer.getInteger("bench.queue.services", 20));
        int kiosks = Integer.getInteger("bench.queue.kiosks", 80);
        int backlog = Integer.getInteger("bench.queue.backlog", 2 * windows);
        int measured = Integer.getInteger("bench.queue.seconds", 60);
        int warmup = Integer.getInteger("bench.queue.warmup", 10);
        int pool = Integer.getInteger("bench.queue.pool", 16);
        int displays = Integer.getInteger("bench.queue.displays", 4);
        int displayCalls = Integer.getInteger("bench.queue.display-calls", 200);
        String pgbench = System.getProperty("bench.queue.pgbench", "/usr/bin/pgbench");
        int scale = Integer.getInteger("bench.queue.pgbench-scale", 10);
        PostgresBench.Server server = PostgresBench.Server.fromProperties();
        long runStart = System.nanoTime();
        String loadAtStart = loadAverage();
        step("load average at start: " + loadAtStart + " (" + Runtime.getRuntime().availableProcessors() + " cores)");

        step("recreating database " + DATABASE);
        PostgresBench.recreateDatabase(server, DATABASE);
        PostgresBench.migrate(server, DATABASE);
        int historyDays = Integer.getInteger("bench.queue.history-days", 30);
        try (Connection db = server.connect(DATABASE)) {
            long h0 = System.nanoTime();
            long events = seedEvents(db, historyDays, windows);
            step("history: %,d live events of earlier days (another centre's) in %.1f s".formatted(events, seconds(h0)));
        }
        long offset = OPEN.toEpochMilli() - System.currentTimeMillis();
        step("starting node 1 on " + server.jdbcUrl(DATABASE) + " (" + pool + " connections)");
        ConfigurableApplicationContext ctx = PostgresBench.startApplication(server, DATABASE, ZONE.getId(),
                List.of(BenchClock.class), nodeArguments(offset, pool));
        Node2 node2 = null;
        List<DisplayStream> screens = new ArrayList<>();
        try (Connection db = server.connect(DATABASE)) {
            step("node 1 listens on port " + PostgresBench.port(ctx) + "; the hall's clock reads "
                    + ctx.getBean(Clock.class).instant().atZone(ZONE));
            QueueDesk desk = ctx.getBean(QueueDesk.class);
            long f0 = System.nanoTime();
            Floor floor = Floor.create(ctx, windows, serviceCount);
            step("centre %s: %d services, %d windows signed in, in %.1f s".formatted(floor.code, serviceCount, windows,
                    seconds(f0)));
            long h1 = System.nanoTime();
            long tickets = seedTickets(db, floor, historyDays);
            step("history: %,d tickets of the %d days before, with their history rows; analyze, in %.1f s".formatted(
                    tickets, historyDays, seconds(h1)));

            String streamUrl = "http://127.0.0.1:" + PostgresBench.port(ctx) + "/api/v1/queue/centres/" + floor.code
                    + "/events";
            String basic = "Basic " + Base64.getEncoder().encodeToString((floor.office + ":" + OrgFixture.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < displays; i++) {
                screens.add(DisplayStream.open(streamUrl, basic, "bench-display-" + i));
            }
            step(displays + " hall displays connected to " + streamUrl);

            // ---- 1. calling throughput ------------------------------------------------------------------------
            step("load: %d windows call → start → finish, %d kiosks keep %d tickets waiting; at least %d s warm-up, %d s measured"
                    .formatted(windows, kiosks, backlog, warmup, measured));
            // the day's first ticket of each service (as at opening time): it creates the service's counter of the
            // day and closes earlier days in transactions of their own, each taking a second connection while the
            // issuing transaction holds one; with as many kiosks issuing first tickets at once as the pool has
            // connections, they would all wait for a second one until the connection timeout
            for (long service : floor.services) {
                desk.issue(IssueRequest.ordinary(floor.centreId, service, TicketChannel.KIOSK), "bench-kiosk");
            }
            Load load = new Load(desk, floor, kiosks, backlog);
            load.waiting.set(floor.services.length);
            String loadBefore = loadAverage();
            load.run(warmup, measured, server.connect(DATABASE));
            String loadAfter = loadAverage();
            step("load done: %,d calls measured, %,d empty calls, %,d errors; load average %s → %s".formatted(
                    load.recorded(Op.CALL).length, load.emptyCalls.get(), load.errors.get(), loadBefore, loadAfter));
            List<Long> underLoad = displayLatencies(screens, load.calledTickets, load.calledAt, Duration.ofSeconds(10));
            int missingUnderLoad = load.calledTickets.length * screens.size() - underLoad.size();

            // ---- 2. pgbench on the same database, node 2 starting meanwhile ----------------------------------
            node2 = Node2.start(server, offset);
            Pgbench pg = new Pgbench(pgbench, server, DATABASE, pool, measured);
            step("pgbench -i -s " + scale + " into schema pgbench (node 2 starting meanwhile)");
            pg.init(db, scale);
            node2.awaitReady(Duration.ofMinutes(3));
            step("node 2 (process " + node2.process.pid() + ") listens on port " + node2.port + "; pgbench -b simple-update -c "
                    + pool + " -j 2 -T " + measured);
            String pgLoadBefore = loadAverage();
            long[] pgCpuFrom = cpu();
            long[] pgbenchTicks;
            try (BackendCpu watch = new BackendCpu(server.connect(DATABASE), "application_name = 'pgbench'",
                    () -> pg.clientPid)) {
                pg.run();
                pgbenchTicks = watch.stop();
            }
            long[] pgCpuTo = cpu();
            pgbenchCpuTicks = pgCpuTo[0] - pgCpuFrom[0];
            pgbenchBackendTicks = pgbenchTicks[0];
            pgbenchClientTicks = pgbenchTicks[1];
            String pgLoadAfter = loadAverage();
            step("pgbench: %.1f TPS, load average %s → %s".formatted(pg.tps, pgLoadBefore, pgLoadAfter));

            // ---- 3. call → display latency, same node and across nodes ------------------------------------------
            step(displayCalls + " calls one at a time on node 1, timed to their ticket.called on node 1's displays");
            List<Long> sameNode = new ArrayList<>();
            int sameMissing = 0;
            for (int i = 0; i < displayCalls; i++) {
                long window = floor.windows[i % floor.windows.length];
                floor.issueFor(desk, i % floor.windows.length); // so that the window surely finds somebody waiting
                TicketView t = desk.callNext(window, "bench-display").orElseThrow();
                long at = System.nanoTime();
                load.totalCalls.incrementAndGet();
                sameMissing += awaitArrivals(screens, t.id(), at, sameNode, Duration.ofSeconds(3));
                desk.start(window, "bench-display");
                desk.finish(window, null, "bench-display");
                Thread.sleep(10);
            }
            step(displayCalls + " calls one at a time on node 2, timed to their ticket.called on node 1's displays");
            List<Long> acrossNodes = new ArrayList<>();
            int acrossMissing = 0;
            int clockViolations = 0;
            for (int i = 0; i < displayCalls; i++) {
                int w = (i + displayCalls) % floor.windows.length;
                long window = floor.windows[w];
                floor.issueFor(desk, w);
                long sent = System.nanoTime();
                String[] answer = node2.ask("call " + window, "called").split(" ");
                long received = System.nanoTime();
                long ticket = Long.parseLong(answer[1]);
                long at = Long.parseLong(answer[2]);
                if (ticket < 0) {
                    throw new IllegalStateException("node 2 found nobody waiting");
                }
                if (at < sent || at > received) {
                    clockViolations++; // the nodes' nanoTime would not be one clock
                }
                load.totalCalls.incrementAndGet();
                acrossMissing += awaitArrivals(screens, ticket, at, acrossNodes, Duration.ofSeconds(3));
                node2.ask("finish " + window, "finished");
                Thread.sleep(10);
            }
            int profiled = 20;
            String roundTrips = node2.ask("profile %d %d %d %d".formatted(floor.centreId, floor.services[0],
                    floor.windows[0], profiled), "profile").substring("profile ".length());
            load.totalCalls.addAndGet(profiled);
            step("SQL statements / commits per command (node 2, one at a time, mean of " + profiled + "): " + roundTrips);
            node2.quit();

            // ---- double calls, from the database -----------------------------------------------------------
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            DoubleCalls doubles = DoubleCalls.check(jdbc, floor.centreId);

            // ---- report --------------------------------------------------------------------------------------
            String loadAtEnd = loadAverage();
            report(new Report(windows, serviceCount, kiosks, backlog, pool, warmup, measured, displays, displayCalls, scale,
                    PostgresBench.version(db), loadAtStart, loadBefore, loadAfter, pgLoadBefore, pgLoadAfter, loadAtEnd,
                    load, pg, doubles, underLoad, missingUnderLoad, sameNode, sameMissing, acrossNodes, acrossMissing,
                    clockViolations, screens.stream().mapToLong(DisplayStream::resets).sum(),
                    screens.stream().mapToLong(DisplayStream::reconnects).sum(), roundTrips,
                    seconds(runStart)));
        } finally {
            screens.forEach(DisplayStream::close);
            if (node2 != null) {
                node2.stop();
            }
            ctx.close();
        }
    }

    // =============================================================================================================
    // the floor
    // =============================================================================================================

    /** The centre of the benchmark: services, windows with their staff signed in, an office login for the streams. */
    record Floor(long centreId, String code, String office, long[] services, long[] windows) {

        /** A ticket for the own line of the i-th window. */
        void issueFor(QueueDesk desk, int i) {
            desk.issue(IssueRequest.ordinary(centreId, services[i % services.length], TicketChannel.KIOSK), "bench-kiosk");
        }

        static Floor create(ConfigurableApplicationContext ctx, int windowCount, int serviceCount) {
            OrganizationCommands org = ctx.getBean(OrganizationCommands.class);
            QueueServices queueServices = ctx.getBean(QueueServices.class);
            QueueDesk desk = ctx.getBean(QueueDesk.class);
            OrgFixture.Org o = OrgFixture.create(org, ctx.getBean(UserAccounts.class));
            long[] services = new long[serviceCount];
            for (int s = 0; s < serviceCount; s++) {
                services[s] = queueServices.create(QueueFixture.service(o.centreId(), "Q" + (s + 1), serviceName(s),
                        prefix(s), 1, 9999, null)).id();
            }
            long[] windows = new long[windowCount];
            for (int i = 0; i < windowCount; i++) {
                int w = i;
                long staff = org.createStaff(OrgFixture.staff(o.medical(), "QB%03d".formatted(i), "窗口员" + i,
                        i % 2 == 0 ? Gender.FEMALE : Gender.MALE));
                String number = Integer.toString(101 + i);
                windows[i] = org.createWindow(new WindowData(o.medical(), number, "综合受理" + number,
                        WindowType.ACCEPTANCE, "一楼大厅", List.of("社保登记"), staff, o.medicalStaff()[0], null));
                // own line: one service, spread evenly; qualified for the next two (Q-10: taken when the own line is
                // empty)
                long own = services[i % serviceCount];
                List<Long> qualified = java.util.stream.IntStream.rangeClosed(1, Math.min(QUALIFIED, serviceCount - 1))
                        .mapToObj(k -> services[(w + k) % serviceCount]).toList();
                queueServices.assign(windows[i], List.of(own), qualified);
                desk.signIn(windows[i], staff, "bench");
            }
            return new Floor(o.centreId(), o.code(), o.office(), services, windows);
        }
    }

    // =============================================================================================================
    // the load
    // =============================================================================================================

    /** The windows' and kiosks' threads, and what they measured. */
    static final class Load {

        final QueueDesk desk;
        final Floor floor;
        final int kiosks;
        final int backlog;
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicLong emptyCalls = new AtomicLong();
        final AtomicLong emptyMeasured = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong clientDoubleCalls = new AtomicLong();
        final AtomicLong wrongWindow = new AtomicLong();
        final AtomicLong totalCalls = new AtomicLong();
        final Map<Long, Long> calledBy = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final List<Recorder> recorders = new ArrayList<>();
        volatile boolean stop;
        volatile long measureFrom = Long.MAX_VALUE;
        volatile long measureTo = Long.MAX_VALUE;
        double measuredSeconds;
        /** The measured calls: ticket ids and the nanoTime right after callNext returned. */
        long[] calledTickets = new long[0];
        long[] calledAt = new long[0];

        Load(QueueDesk desk, Floor floor, int kiosks, int backlog) {
            this.desk = desk;
            this.floor = floor;
            this.kiosks = kiosks;
            this.backlog = backlog;
        }

        /** The warm-up's length in seconds, and the JIT compilers' time (ms) when the measured time began and ended. */
        double warmedUp;
        long jitFrom;
        long jitTo;

        /**
         * The load runs at least {@code minSeconds}, then until node 1's JIT compilers have settled — less than
         * {@link #JIT_SETTLED} of their time over the last {@link #JIT_WINDOW_S} seconds — or for at most
         * {@code bench.queue.warmup-max} seconds: a desk command is measured as it runs on a warm JVM, as pgbench's
         * compiled client runs from its first transaction. Returns the seconds it took.
         */
        private double warmUp(int minSeconds) throws InterruptedException {
            long start = System.nanoTime();
            int max = Math.max(minSeconds, Integer.getInteger("bench.queue.warmup-max", 120));
            Thread.sleep(minSeconds * 1000L);
            java.util.ArrayDeque<Long> jit = new java.util.ArrayDeque<>();
            jit.add(jitMillis());
            while ((System.nanoTime() - start) / 1e9 < max) {
                Thread.sleep(1000);
                jit.add(jitMillis());
                if (jit.size() > JIT_WINDOW_S) {
                    long spent = jit.getLast() - jit.removeFirst();
                    if (spent < JIT_SETTLED * JIT_WINDOW_S * 1000) {
                        break;
                    }
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        static final int JIT_WINDOW_S = 10;
        static final double JIT_SETTLED = 0.02;

        /** {@link #cpu()} when the measured time began and ended. */
        long[] cpuFrom = new long[2];
        long[] cpuTo = new long[2];
        /** The CPU ticks of node 1's backends over the measured time. */
        long backendTicks;

        /** {@code watcher}: a connection of its own for {@link BackendCpu}, closed when done. */
        void run(int warmupSeconds, int measuredSeconds, Connection watcher) throws InterruptedException, SQLException {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < floor.windows.length; w++) {
                Recorder r = new Recorder();
                recorders.add(r);
                long window = floor.windows[w];
                threads.add(Thread.ofPlatform().daemon().name("bench-window-" + w).unstarted(() -> window(window, r)));
            }
            for (int k = 0; k < kiosks; k++) {
                Recorder r = new Recorder();
                recorders.add(r);
                int kiosk = k;
                threads.add(Thread.ofPlatform().daemon().name("bench-kiosk-" + k).unstarted(() -> kiosk(kiosk, r)));
            }
            threads.forEach(Thread::start);
            warmedUp = warmUp(warmupSeconds);
            long from = System.nanoTime();
            measureFrom = from;
            jitFrom = jitMillis();
            cpuFrom = cpu();
            try (BackendCpu backends = new BackendCpu(watcher, "true", () -> 0)) {
                Thread.sleep(measuredSeconds * 1000L);
                cpuTo = cpu();
                jitTo = jitMillis();
                backendTicks = backends.stop()[0];
            }
            long to = System.nanoTime();
            measureTo = to;
            this.measuredSeconds = (to - from) / 1e9;
            stop = true;
            for (Thread t : threads) {
                t.join();
            }
            List<long[]> pairs = recorders.stream().map(r -> r.calls.toArray()).toList();
            int n = pairs.stream().mapToInt(a -> a.length / 2).sum();
            calledTickets = new long[n];
            calledAt = new long[n];
            int i = 0;
            for (long[] p : pairs) {
                for (int j = 0; j < p.length; j += 2) {
                    calledTickets[i] = p[j];
                    calledAt[i++] = p[j + 1];
                }
            }
        }

        /** One window: call → start → finish until told to stop (never stopping with a ticket in hand). */
        private void window(long window, Recorder r) {
            String actor = "bench-w" + window;
            while (!stop) {
                try {
                    long t0 = System.nanoTime();
                    Optional<TicketView> called = desk.callNext(window, actor);
                    long t1 = System.nanoTime();
                    if (called.isEmpty()) {
                        emptyCalls.incrementAndGet();
                        if (t0 >= measureFrom && t1 <= measureTo) {
                            emptyMeasured.incrementAndGet();
                        }
                        Thread.sleep(EMPTY_BACKOFF_MS);
                        continue;
                    }
                    waiting.decrementAndGet();
                    totalCalls.incrementAndGet();
                    TicketView t = called.get();
                    if (calledBy.putIfAbsent(t.id(), window) != null) {
                        clientDoubleCalls.incrementAndGet();
                    }
                    if (t.windowId() == null || t.windowId() != window) {
                        wrongWindow.incrementAndGet();
                    }
                    boolean counted = r.record(Op.CALL, t0, t1, this);
                    if (counted) {
                        r.calls.add(t.id());
                        r.calls.add(t1);
                    }
                    long t2 = System.nanoTime();
                    desk.start(window, actor);
                    long t3 = System.nanoTime();
                    r.record(Op.START, t2, t3, this);
                    desk.finish(window, null, actor);
                    r.record(Op.FINISH, t3, System.nanoTime(), this);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    error(e);
                }
            }
        }

        /** One kiosk: issues a ticket whenever fewer than the backlog wait. */
        private void kiosk(int kiosk, Recorder r) {
            SplittableRandom random = new SplittableRandom(2026L + kiosk);
            PriorityReason[] reasons = PriorityReason.values();
            String actor = "bench-kiosk-" + kiosk;
            while (!stop) {
                try {
                    if (waiting.get() >= backlog) {
                        Thread.sleep(1);
                        continue;
                    }
                    long service = floor.services[random.nextInt(floor.services.length)];
                    int p = random.nextInt(100);
                    // Q-3 mix: 6 % special groups, 2 % green channel, the rest ordinary
                    PriorityClass priority = p < 6 ? PriorityClass.SPECIAL : p < 8 ? PriorityClass.GREEN_CHANNEL
                            : PriorityClass.ORDINARY;
                    IssueRequest request = new IssueRequest(floor.centreId, service, TicketChannel.KIOSK, priority,
                            priority == PriorityClass.SPECIAL ? reasons[random.nextInt(reasons.length)] : null, null, null,
                            null, List.of());
                    long t0 = System.nanoTime();
                    desk.issue(request, actor);
                    long t1 = System.nanoTime();
                    waiting.incrementAndGet();
                    r.record(Op.ISSUE, t0, t1, this);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    error(e);
                }
            }
        }

        private void error(RuntimeException e) {
            long n = errors.incrementAndGet();
            String kind = e instanceof DomainException d ? "DomainException " + d.kind() + " " + d.messageKey() + " " + Arrays.toString(d.args())
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            errorKinds.computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind, k -> new AtomicLong())
                    .incrementAndGet();
            if (n <= 3) {
                System.err.println("[bench] error: " + e);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }

        /** The measured latencies of an operation (nanoseconds), sorted. */
        long[] recorded(Op op) {
            long[] all = recorders.stream().flatMapToLong(r -> Arrays.stream(r.of(op).toArray())).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    /** A thread's latencies per operation; only operations that began and ended inside the measured time count. */
    static final class Recorder {

        final Map<Op, Longs> latencies = new EnumMap<>(Op.class);
        /** Pairs (ticket id, nanoTime after the call) of the measured calls. */
        final Longs calls = new Longs();

        Recorder() {
            for (Op op : Op.values()) {
                latencies.put(op, new Longs());
            }
        }

        boolean record(Op op, long start, long end, Load load) {
            if (start >= load.measureFrom && end <= load.measureTo) {
                latencies.get(op).add(end - start);
                return true;
            }
            return false;
        }

        Longs of(Op op) {
            return latencies.get(op);
        }
    }

    /** A growing array of longs. */
    static final class Longs {

        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    // =============================================================================================================
    // displays
    // =============================================================================================================

    /**
     * The latencies (nanoseconds) from each call to its event on each display, waiting up to {@code grace} for events
     * still under way; calls whose event never came are left out (the caller counts them).
     */
    static List<Long> displayLatencies(List<DisplayStream> screens, long[] tickets, long[] at, Duration grace)
            throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !allArrived(screens, tickets)) {
            Thread.sleep(50);
        }
        List<Long> out = new ArrayList<>();
        for (DisplayStream s : screens) {
            for (int i = 0; i < tickets.length; i++) {
                Long arrived = s.arrival(tickets[i]);
                if (arrived != null) {
                    out.add(arrived - at[i]);
                }
            }
        }
        return out;
    }

    private static boolean allArrived(List<DisplayStream> screens, long[] tickets) {
        for (DisplayStream s : screens) {
            for (long t : tickets) {
                if (s.arrival(t) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits until every display has the ticket's call; adds the latencies; returns how many never came. */
    static int awaitArrivals(List<DisplayStream> screens, long ticket, long at, List<Long> out, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && !allArrived(screens, new long[] {ticket})) {
            Thread.onSpinWait();
            Thread.sleep(0, 200_000);
        }
        int missing = 0;
        for (DisplayStream s : screens) {
            Long arrived = s.arrival(ticket);
            if (arrived == null) {
                missing++;
            } else {
                out.add(arrived - at);
            }
        }
        return missing;
    }

    // =============================================================================================================
    // node 2
    // =============================================================================================================

    /** The second node: an OpenHall process of its own on the same database ({@link QueueBenchNode}). */
    static final class Node2 {

        final Process process;
        final PrintWriter in;
        final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        volatile int port = -1;

        private Node2(Process process) {
            this.process = process;
            this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            Thread.ofPlatform().daemon().name("bench-node2-out").start(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith(QueueBenchNode.PREFIX)) {
                            answers.add(line.substring(QueueBenchNode.PREFIX.length()));
                        } else if (!line.isBlank()) {
                            System.out.println("[node 2] " + line);
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
            });
        }

        static Node2 start(PostgresBench.Server server, long offset) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dbench.pg.url=" + server.url(), "-Dbench.pg.user=" + server.user(),
                    "-Dbench.pg.password=" + server.password(), "-cp", System.getProperty("java.class.path"),
                    QueueBenchNode.class.getName(), DATABASE, Long.toString(offset), "4"));
            Node2 node = new Node2(new ProcessBuilder(cmd).redirectErrorStream(true).start());
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
            return node;
        }

        void awaitReady(Duration within) throws InterruptedException {
            String ready = answers.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (ready == null || !ready.startsWith("ready ")) {
                throw new IllegalStateException("node 2 did not start: " + ready);
            }
            port = Integer.parseInt(ready.substring(6).strip());
        }

        String ask(String command, String expect) throws InterruptedException {
            in.println(command);
            String answer = answers.poll(30, TimeUnit.SECONDS);
            if (answer == null || !answer.startsWith(expect)) {
                throw new IllegalStateException("node 2 answered " + answer + " to " + command);
            }
            return answer;
        }

        void quit() throws InterruptedException {
            in.println("quit");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }

        void stop() {
            if (process.isAlive()) {
                process.destroy();
            }
        }
    }

    // =============================================================================================================
    // pgbench
    // =============================================================================================================

    /** pgbench on the benchmark's database, its tables in the schema {@code pgbench}. */
    static final class Pgbench {

        private static final Pattern HOST = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*");
        private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

        final String binary;
        final PostgresBench.Server server;
        final String database;
        final int clients;
        final int seconds;
        double tps;
        long transactions;
        long[] latencies = new long[0];
        String summary = "";
        /** The running pgbench's pid (0 before and between runs). */
        volatile long clientPid;

        Pgbench(String binary, PostgresBench.Server server, String database, int clients, int seconds) {
            this.binary = binary;
            this.server = server;
            this.database = database;
            this.clients = clients;
            this.seconds = seconds;
        }

        void init(Connection db, int scale) throws SQLException, IOException, InterruptedException {
            try (Statement s = db.createStatement()) {
                s.execute("create schema pgbench");
            }
            String out = exec(List.of("-i", "-q", "-s", Integer.toString(scale)));
            step("pgbench -i: " + out.lines().filter(l -> l.startsWith("done")).findFirst().orElse(out.strip()));
        }

        void run() throws IOException, InterruptedException {
            Path logs = Files.createTempDirectory("openhall-pgbench");
            String out = exec(List.of("-b", "simple-update", "-c", Integer.toString(clients), "-j", "2", "-T",
                    Integer.toString(seconds), "-l", "--log-prefix=" + logs.resolve("pgbench_log")));
            Matcher m = TPS.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no TPS in pgbench's output:\n" + out);
            }
            tps = Double.parseDouble(m.group(1));
            summary = out.lines().filter(l -> l.startsWith("latency average") || l.startsWith("number of transactions"))
                    .reduce((a, b) -> a + "; " + b).orElse("");
            // per-transaction log: client transaction latency_us script epoch epoch_us
            List<Long> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.toList()) {
                    try (Stream<String> lines = Files.lines(f)) {
                        lines.forEach(l -> {
                            String[] c = l.split(" ");
                            if (c.length >= 3) {
                                all.add(Long.parseLong(c[2]) * 1000);
                            }
                        });
                    }
                    Files.delete(f);
                }
            }
            Files.delete(logs);
            latencies = all.stream().mapToLong(Long::longValue).sorted().toArray();
            transactions = latencies.length;
        }

        private String exec(List<String> args) throws IOException, InterruptedException {
            Matcher h = HOST.matcher(server.url());
            if (!h.matches()) {
                throw new IllegalStateException("cannot read host and port from " + server.url());
            }
            List<String> cmd = new ArrayList<>(List.of(binary, "-h", h.group(1), "-p",
                    h.group(2) == null ? "5432" : h.group(2), "-U", server.user()));
            cmd.addAll(args);
            cmd.add(database);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("PGOPTIONS", "-c search_path=pgbench");
            if (!server.password().isEmpty()) {
                pb.environment().put("PGPASSWORD", server.password());
            }
            Process p = pb.start();
            clientPid = p.pid();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
            return out;
        }
    }

    // =============================================================================================================
    // double calls
    // =============================================================================================================

    /**
     * From the database, over every ticket of the run: tickets with more than one CALL in their history, tickets whose
     * window is not the window of their CALL, and windows that called while still holding a ticket (in each window's
     * history, ordered by id, a CALL must follow a FINISH of the ticket it called before, and a FINISH the CALL of its own
     * ticket). Each must be 0. The earlier days' history put in before the run (actor {@code history}, tickets
     * {@code HIST}) is left out.
     */
    record DoubleCalls(long calls, long tickets, long calledTwice, long wrongWindow, long heldTwo) {

        static DoubleCalls check(JdbcClient jdbc, long centre) {
            long calls = jdbc.sql("select count(*) from q_ticket_history where centre_id = :c and action = 'CALL'"
                    + " and actor <> 'history'")
                    .param("c", centre).query(Long.class).single();
            long tickets = jdbc.sql("select count(*) from q_ticket where centre_id = :c and public_code <> 'HIST'").param("c", centre)
                    .query(Long.class).single();
            long twice = jdbc.sql("""
                    select count(*) from (select ticket_id from q_ticket_history where centre_id = :c and action = 'CALL'
                        and actor <> 'history' group by ticket_id having count(*) > 1) x""").param("c", centre).query(Long.class).single();
            long wrong = jdbc.sql("""
                    select count(*) from q_ticket t join q_ticket_history h on h.ticket_id = t.id and h.action = 'CALL'
                    where t.centre_id = :c and h.actor <> 'history' and t.window_id is distinct from h.window_id""").param("c", centre)
                    .query(Long.class).single();
            long held = jdbc.sql("""
                    select count(*) from (
                        select action, ticket_id,
                               lag(action) over (partition by window_id order by id) as prev_action,
                               lag(ticket_id) over (partition by window_id order by id) as prev_ticket
                        from q_ticket_history where centre_id = :c and action in ('CALL', 'FINISH') and actor <> 'history') x
                    where (action = 'CALL' and prev_action = 'CALL')
                       or (action = 'FINISH' and (prev_action is distinct from 'CALL' or prev_ticket <> ticket_id))""")
                    .param("c", centre).query(Long.class).single();
            return new DoubleCalls(calls, tickets, twice, wrong, held);
        }

        boolean clean() {
            return calledTwice == 0 && wrongWindow == 0 && heldTwo == 0;
        }
    }

    // =============================================================================================================
    // report
    // =============================================================================================================

    /**
     * A hall that has worked for a while (option {@code bench.queue.history-days}, 30): each earlier working day's
     * tickets (20 per window, all served) with their four history rows and each window's session, so that the tables have the size and the
     * statistics the planner sees in a hall in service rather than those of an empty database.
     */
    static long seedTickets(Connection db, Floor floor, int days) throws SQLException {
        if (days <= 0) {
            return 0;
        }
        LocalDate today = OPEN.atZone(ZONE).toLocalDate();
        int perService = floor.windows().length * 20 / floor.services().length;
        long n;
        try (PreparedStatement ps = db.prepareStatement("""
                insert into q_ticket (centre_id, service_id, business_date, seq, number, public_code, channel,
                    priority_class, status, issued_at, queued_at, rank_at, window_id, called_at, serving_at, finished_at)
                select ?, s.id, d.day, g.seq, 'H' || g.seq, 'HIST', 'KIOSK', 'ORDINARY', 'DONE', t.at, t.at, t.at,
                    w.ids[1 + (g.seq % cardinality(w.ids))], t.at + interval '10 minutes', t.at + interval '11 minutes',
                    t.at + interval '19 minutes'
                from (select day::date as day from generate_series(?::date - ?, ?::date - 1, interval '1 day') day) d
                cross join unnest(?::bigint[]) as s(id)
                cross join generate_series(1, ?) as g(seq)
                cross join lateral (select (d.day + time '09:00' + (g.seq * interval '28 seconds')) at time zone ? as at) t
                cross join (select ?::bigint[] as ids) w""")) {
            ps.setLong(1, floor.centreId());
            ps.setObject(2, today);
            ps.setInt(3, days);
            ps.setObject(4, today);
            ps.setArray(5, db.createArrayOf("bigint", java.util.Arrays.stream(floor.services()).boxed().toArray()));
            ps.setInt(6, perService);
            ps.setString(7, ZONE.getId());
            ps.setArray(8, db.createArrayOf("bigint", java.util.Arrays.stream(floor.windows()).boxed().toArray()));
            n = ps.executeUpdate();
        }
        try (Statement st = db.createStatement()) {
            st.executeUpdate("""
                    insert into q_ticket_history (centre_id, ticket_id, action, window_id, actor, happened_at)
                    select t.centre_id, t.id, a.action, t.window_id, 'history', t.issued_at
                    from q_ticket t cross join (values ('ISSUE'), ('CALL'), ('START'), ('FINISH')) a(action)
                    where t.public_code = 'HIST'""");
            // each window's sessions of those days (one a day, signed in by the staff member signed in now)
            st.executeUpdate("""
                    insert into q_session (centre_id, window_id, staff_id, signed_in_at, signed_out_at, serving_seconds,
                        walking_seconds)
                    select w.centre_id, w.window_id, w.staff_id, d.day + interval '8 hours 55 minutes',
                        d.day + interval '17 hours', 18000, 1200
                    from q_window_state w
                    cross join (select distinct business_date::timestamptz as day from q_ticket
                                where public_code = 'HIST') d
                    where w.staff_id is not null""");
            st.execute("vacuum analyze");
        }
        return n;
    }

    /** Earlier days' live events of another centre on the same database (before the hub starts watching the log). */
    static long seedEvents(Connection db, int days, int windows) throws SQLException {
        if (days <= 0) {
            return 0;
        }
        try (PreparedStatement ps = db.prepareStatement("""
                insert into q_event (centre_id, event_type, window_id, payload, created_at)
                select 0, 'ticket.called', g % 200, '{"ticketId":' || g || ',"number":"A001","windowId":' || (g % 200) || '}',
                    ? - (g * interval '200 milliseconds')
                from generate_series(1, ?) g""")) {
            ps.setObject(1, OPEN.atOffset(java.time.ZoneOffset.UTC));
            ps.setLong(2, (long) days * windows * 20 * 8);
            return ps.executeUpdate();
        }
    }

    /** The machine's busy ticks over pgbench's run; pgbench's backends' and its client's. */
    private static long pgbenchCpuTicks;
    private static long pgbenchBackendTicks;
    private static long pgbenchClientTicks;

    /**
     * CPU time so far in ticks of 10 ms (USER_HZ): {the whole machine's busy time (all but idle and iowait, /proc/stat),
     * this JVM's user + system time (/proc/self/stat)}; zeros where /proc cannot be read.
     */
    /** The JIT compilers' total time in this JVM (node 1), ms. */
    static long jitMillis() {
        java.lang.management.CompilationMXBean c = java.lang.management.ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    static long[] cpu() {
        try {
            String[] all = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < all.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(all[i]);
                }
            }
            return new long[] {busy, Math.max(0, BackendCpu.ticks(ProcessHandle.current().pid()))};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[2];
        }
    }

    record Report(int windows, int services, int kiosks, int backlog, int pool, int warmup, int seconds, int displays,
            int displayCalls, int scale, String postgres, String loadAtStart, String loadBeforeFloor,
            String loadAfterFloor, String loadBeforePgbench, String loadAfterPgbench, String loadAtEnd, Load load,
            Pgbench pg, DoubleCalls doubles, List<Long> underLoad, int missingUnderLoad, List<Long> sameNode,
            int sameMissing, List<Long> acrossNodes, int acrossMissing, int clockViolations, long resets,
            long reconnects, String roundTrips, double runSeconds) {
    }

    static void report(Report r) {
        Load load = r.load();
        System.out.println();
        System.out.printf(Locale.ROOT, "Hall floor benchmark: %d windows (%d services), %d kiosks keeping %d tickets"
                        + " waiting, node 1 with %d connections; %.0f s warm-up (at least %d, until the JIT compilers settled),"
                        + " %d s measured; PostgreSQL %s, JDK %s, %d cores."
                        + "%nLoad average (1/5/15 min): at start %s; floor run %s → %s; pgbench %s → %s; at end %s.%n%n",
                r.windows(), r.services(), r.kiosks(), r.backlog(), r.pool(), load.warmedUp, r.warmup(), r.seconds(),
                r.postgres(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), r.loadAtStart(),
                r.loadBeforeFloor(), r.loadAfterFloor(), r.loadBeforePgbench(), r.loadAfterPgbench(), r.loadAtEnd());
        String head = "| %-52s | %10s | %9s | %8s | %8s | %8s |%n";
        String row = "| %-52s | %,10d | %,9.1f | %8.2f | %8.2f | %8.1f |%n";
        System.out.printf(Locale.ROOT, head, "operation", "count", "per s", "p50 ms", "p99 ms", "max ms");
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(11) + ":|" + "-".repeat(10) + ":|" + "-".repeat(9)
                + ":|" + "-".repeat(9) + ":|" + "-".repeat(9) + ":|");
        long total = 0;
        List<long[]> everything = new ArrayList<>();
        for (Op op : Op.values()) {
            long[] l = load.recorded(op);
            everything.add(l);
            total += l.length;
            System.out.printf(Locale.ROOT, row, "QueueDesk." + op.label, (long) l.length, l.length / load.measuredSeconds,
                    pct(l, 0.50), pct(l, 0.99), pct(l, 1.0));
        }
        long[] all = everything.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double opsPerSecond = total / load.measuredSeconds;
        System.out.printf(Locale.ROOT, row, "all desk commands (each one transaction)", total, opsPerSecond,
                pct(all, 0.50), pct(all, 0.99), pct(all, 1.0));
        Pgbench pg = r.pg();
        System.out.printf(Locale.ROOT, row, "pgbench -b simple-update -c %d -j 2 -T %d (s = %d)".formatted(pg.clients,
                pg.seconds, r.scale()), pg.transactions, pg.tps, pct(pg.latencies, 0.50), pct(pg.latencies, 0.99),
                pct(pg.latencies, 1.0));
        double ratio = opsPerSecond / pg.tps;
        System.out.printf(Locale.ROOT, "%nRatio desk commands per second / pgbench TPS: %.2f (target ≥ 0.5: %s);"
                        + " tickets served per second: %.1f.%n", ratio, ratio >= 0.5 ? "met" : "NOT met",
                load.recorded(Op.FINISH).length / load.measuredSeconds);
        long jvm = load.cpuTo[1] - load.cpuFrom[1];
        long rest = load.cpuTo[0] - load.cpuFrom[0] - jvm;
        double perCommand = (jvm + load.backendTicks) * 10.0 / total;
        double perTransaction = (pgbenchBackendTicks + pgbenchClientTicks) * 10.0 / r.pg().transactions;
        System.out.printf(Locale.ROOT, "CPU per operation, whatever else the machine runs: desk command %.3f ms (node 1's JVM"
                        + " %.3f + its PostgreSQL backends %.3f), pgbench transaction %.3f ms (backends %.3f + client %.3f);"
                        + " ratio of their costs %.2f (what the throughput ratio would be on a machine doing nothing else).%n",
                perCommand, jvm * 10.0 / total, load.backendTicks * 10.0 / total, perTransaction,
                pgbenchBackendTicks * 10.0 / r.pg().transactions, pgbenchClientTicks * 10.0 / r.pg().transactions,
                perTransaction / perCommand);
        System.out.printf(Locale.ROOT, "Node 1's JIT compilers during the measured time: %.1f s of %.0f s (included in its"
                + " JVM's CPU above).%n", (load.jitTo - load.jitFrom) / 1000.0, load.measuredSeconds);
        System.out.printf(Locale.ROOT, "CPU per desk command while measured: node 1's JVM %.3f ms, the rest of the machine"
                        + " (PostgreSQL and anything else running) %.3f ms; per pgbench transaction, the whole machine %.3f ms"
                        + " (from /proc: %d + %d and %d ticks of 10 ms).%n",
                jvm * 10.0 / total, rest * 10.0 / total, pgbenchCpuTicks * 10.0 / r.pg().transactions, jvm, rest,
                pgbenchCpuTicks);
        System.out.printf(Locale.ROOT, "SQL statements / commits per command (node 2, one command at a time): %s;"
                + " pgbench simple-update: 5 statements (BEGIN, UPDATE, SELECT, INSERT, END).%n", r.roundTrips());
        System.out.printf(Locale.ROOT, "Empty calls (nobody waiting for the window) while measured: %,d (%,d in all);"
                        + " errors: %,d %s.%n", load.emptyMeasured.get(), load.emptyCalls.get(), load.errors.get(),
                load.errorKinds.isEmpty() ? "" : load.errorKinds.toString());

        DoubleCalls d = r.doubles();
        System.out.printf(Locale.ROOT, "%nDouble calls over the whole run (%,d tickets, %,d calls in q_ticket_history,"
                        + " %,d calls returned to the callers): ticket called more than once %d, ticket held by another"
                        + " window than the one that called it %d, window calling while holding a ticket %d; callers"
                        + " handed a ticket already handed out %d, a ticket of another window %d → %s.%n",
                d.tickets(), d.calls(), load.totalCalls.get(), d.calledTwice(), d.wrongWindow(), d.heldTwo(),
                load.clientDoubleCalls.get(), load.wrongWindow.get(),
                d.clean() && load.clientDoubleCalls.get() == 0 && load.wrongWindow.get() == 0 && d.calls() == load.totalCalls.get()
                        ? "0 double calls" : "DOUBLE CALLS OR LOST CALLS");

        System.out.println();
        String dhead = "| %-58s | %6s | %7s | %8s | %8s | %8s | %-12s |%n";
        String drow = "| %-58s | %,6d | %,7d | %8.1f | %8.1f | %8.1f | %-12s |%n";
        System.out.printf(Locale.ROOT, dhead, "call → ticket.called on node 1's displays (SSE)", "calls", "events",
                "p50 ms", "p99 ms", "max ms", "target p99");
        System.out.println("|" + "-".repeat(60) + "|" + "-".repeat(7) + ":|" + "-".repeat(8) + ":|" + "-".repeat(9)
                + ":|" + "-".repeat(9) + ":|" + "-".repeat(9) + ":|" + "-".repeat(14) + "|");
        long[] ul = sorted(r.underLoad());
        System.out.printf(Locale.ROOT, drow, "same node, during the load (%d windows)".formatted(r.windows()),
                (long) load.calledTickets.length, (long) ul.length, pct(ul, 0.5), pct(ul, 0.99), pct(ul, 1.0), "—");
        long[] same = sorted(r.sameNode());
        System.out.printf(Locale.ROOT, drow, "same node: called on node 1, one at a time", (long) r.displayCalls(),
                (long) same.length, pct(same, 0.5), pct(same, 0.99), pct(same, 1.0),
                "< 100: " + (pct(same, 0.99) < 100 && r.sameMissing() == 0 ? "met" : "NOT met"));
        long[] across = sorted(r.acrossNodes());
        System.out.printf(Locale.ROOT, drow, "across nodes: called on node 2 (LISTEN/NOTIFY), one at a time",
                (long) r.displayCalls(), (long) across.length, pct(across, 0.5), pct(across, 0.99), pct(across, 1.0),
                "< 250: " + (pct(across, 0.99) < 250 && r.acrossMissing() == 0 ? "met" : "NOT met"));
        System.out.printf(Locale.ROOT, "%d displays; events that never came: %d during the load, %d same node, %d across"
                        + " nodes; streams ended by the server and resumed with Last-Event-ID %d; reset events %d; node 2's time stamps outside its request/answer %d (must be 0: one"
                        + " monotonic clock for both processes). Earliest arrivals: %.2f / %.2f / %.2f ms (an event may"
                        + " reach a display before the caller's thread runs again).%n",
                r.displays(), r.missingUnderLoad(), r.sameMissing(), r.acrossMissing(), r.reconnects(), r.resets(),
                r.clockViolations(),
                pct(ul, 0.0), pct(same, 0.0), pct(across, 0.0));
        System.out.printf(Locale.ROOT, "Whole run %.0f s.%n", r.runSeconds());
    }

    static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The q-quantile of sorted nanoseconds, in milliseconds (nearest rank; q = 0 the least). */
    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = q <= 0 ? 0 : (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[i] / 1e6;
    }
}
