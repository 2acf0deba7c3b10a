package org.openhall.bench.cases;

import static org.openhall.bench.PostgresBench.count;
import static org.openhall.bench.PostgresBench.loadAverage;
import static org.openhall.bench.PostgresBench.median;
import static org.openhall.bench.PostgresBench.millis;
import static org.openhall.bench.PostgresBench.seconds;
import static org.openhall.bench.PostgresBench.step;
import static org.openhall.bench.PostgresBench.version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openhall.bench.PostgresBench;
import org.openhall.cases.internal.WarningScan;
import org.openhall.organization.CentreData;
import org.openhall.organization.OrganizationCommands;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 电子监察 warning scan (CASE-5) over 1,000,000 open cases on PostgreSQL, timed beside a plain full-table
 * reference query on the same data, in one run.
 *
 * <p>Steps: (re)creates the database {@code openhall_bench}, runs the Flyway migrations with the Flyway API, starts the
 * application on it (no demo data, no scheduled scan, warnings not dispatched), creates the centres through
 * {@link OrganizationCommands} (which registers them with the working-day calendar, as the application does), loads
 * the open cases (and a share of closed ones, and open opinion steps) with {@code insert ... select from
 * generate_series}, {@code vacuum analyze}, then times
 * <ul>
 * <li>the cold scan: {@link WarningScan#scanAll()} with every level NONE, raising and logging every due warning;</li>
 * <li>the warm scan: the same again, when nothing changes (what the scheduled scan does most of the day);</li>
 * <li>the reference: {@code select count(*) from cas_case where status in ('ACCEPTED','PROCESSING') and due_date <= ?}
 * forced to a sequential scan, and {@code select id, due_date from cas_case} read fully over JDBC.</li>
 * </ul>
 * and prints the plans ({@code EXPLAIN ANALYZE}) of the scan's statements for one centre.
 *
 * <p>{@code mvn -Pbench -DskipTests test-compile exec:exec@bench-warnings}; system properties {@code bench.cases}
 * (open cases, default 1,000,000), {@code bench.centres} (50), {@code bench.overdue} (share of the open cases already
 * overdue, 0.10), {@code bench.threads} (centres
 * scanned at a time, {@code openhall.cases.warnings.scan-threads}, 2), {@code bench.pg.url}
 * ({@code jdbc:postgresql://127.0.0.1:5432/}), {@code bench.pg.user} ({@code postgres}), {@code bench.pg.password}
 * (empty), {@code bench.repeat} (runs of the warm scan and the references, default 3: the median is printed).
 */
public final class WarningScanBenchmark {

    private static final String DATABASE = "openhall_bench";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private WarningScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int open = Integer.getInteger("bench.cases", 1_000_000);
        int centres = Integer.getInteger("bench.centres", 50);
        int repeat = Integer.getInteger("bench.repeat", 3);
        double overdue = Double.parseDouble(System.getProperty("bench.overdue", "0.10"));
        int threads = Integer.getInteger("bench.threads", 2);
        PostgresBench.Server server = PostgresBench.Server.fromProperties();
        String url = server.jdbcUrl(DATABASE);
        int closed = open / 4; // 20 % of all cases are closed (COMPLETED or ARCHIVED)

        step("recreating database " + DATABASE);
        PostgresBench.recreateDatabase(server, DATABASE);
        step("Flyway migrate");
        PostgresBench.migrate(server, DATABASE);

        step("starting the application on " + url);
        ConfigurableApplicationContext ctx = PostgresBench.startApplication(server, DATABASE, ZONE.getId(), List.of(),
                "--openhall.cases.warnings.scan-threads=" + threads);
        try (Connection db = server.connect(DATABASE)) {
            OrganizationCommands org = ctx.getBean(OrganizationCommands.class);
            long[] centreIds = new long[centres];
            for (int i = 0; i < centres; i++) {
                centreIds[i] = org.createCentre(new CentreData("B%02d-ZWFW".formatted(i + 1), "基准测试政务服务中心" + (i + 1),
                        ZONE.getId(), null, null));
            }
            LocalDate today = LocalDate.now(ctx.getBean(Clock.class).withZone(ZONE));
            long t0 = System.nanoTime();
            load(db, centreIds, open, closed, today, overdue);
            step("loaded %,d open and %,d closed cases and %,d open steps over %d centres in %.1f s (today %s,"
                    .formatted(open, closed, count(db, "select count(*) from cas_step"), centres, seconds(t0), today)
                    + " overdue share %.0f %%)".formatted(overdue * 100));
            long sizeMb = count(db, "select pg_total_relation_size('cas_case') / 1048576");
            step("cas_case with its indexes: %,d MB".formatted(sizeMb));

            WarningScan scan = ctx.getBean(WarningScan.class);
            printPlans(ctx, centreIds[0], scan, false, "before the cold scan (EXPLAIN only: nothing is executed)");

            step("cold scan");
            long c0 = System.nanoTime();
            WarningScan.Result cold = scan.scanAll();
            double coldMs = millis(c0);
            long logged = count(db, "select count(*) from cas_warning");

            List<Double> warm = new ArrayList<>();
            WarningScan.Result warmResult = null;
            for (int i = 0; i < repeat; i++) {
                long w0 = System.nanoTime();
                warmResult = scan.scanAll();
                warm.add(millis(w0));
            }
            printPlans(ctx, centreIds[0], scan, true, "after the cold scan (EXPLAIN ANALYZE of a warm scan: nothing left to raise)");

            String[] running = {"ACCEPTED", "PROCESSING"};
            List<Double> seq = new ArrayList<>();
            long seqCount = 0;
            for (int i = 0; i < repeat; i++) {
                long r0 = System.nanoTime();
                seqCount = referenceCount(db, running, today);
                seq.add(millis(r0));
            }
            List<Double> full = new ArrayList<>();
            long fullRows = 0;
            for (int i = 0; i < repeat; i++) {
                long r0 = System.nanoTime();
                fullRows = referenceFullRead(db);
                full.add(millis(r0));
            }

            double warmMs = median(warm);
            double seqMs = median(seq);
            double fullMs = median(full);
            System.out.println();
            System.out.printf(Locale.ROOT, "Warning scan over %,d open cases (%,d closed, %,d open steps; %.0f %% overdue),"
                            + " %d centres scanned %d at a time, PostgreSQL %s, JDK %s, %d cores; median of %d runs"
                            + " where repeated:%n",
                    open, closed, count(db, "select count(*) from cas_step"), overdue * 100,
                    centres, threads, version(db), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), repeat);
            String head = "| %-62s | %12s | %10s | %13s |%n";
            System.out.printf(Locale.ROOT, head, "operation", "rows", "ms", "vs reference");
            System.out.println("|" + "-".repeat(64) + "|" + "-".repeat(13) + ":|" + "-".repeat(11) + ":|"
                    + "-".repeat(14) + ":|");
            String row = "| %-62s | %,12d | %,10.0f | %12.2f× |%n";
            System.out.printf(Locale.ROOT, row, "reference: count(*) of running cases due by today, seq scan", seqCount,
                    seqMs, 1.0);
            System.out.printf(Locale.ROOT, row, "reference: select id, due_date from cas_case, read fully", fullRows,
                    fullMs, fullMs / seqMs);
            System.out.printf(Locale.ROOT, row, "WarningScan.scanAll() cold: raise + log (rows = raised)", logged,
                    coldMs, coldMs / seqMs);
            System.out.printf(Locale.ROOT, row, "WarningScan.scanAll() warm: nothing to raise", (long) warmResult.total(),
                    warmMs, warmMs / seqMs);
            System.out.printf(Locale.ROOT, "cold scan raised: %,d cases red, %,d yellow; %,d steps red, %,d yellow"
                            + " (%.0f µs per raised row). Target: the scan over all open cases under 10 s: cold %s, warm %s."
                            + " Load average during the run: %s.%n",
                    cold.redRaised(), cold.yellowRaised(), cold.stepsRed(), cold.stepsYellow(), coldMs * 1000 / logged,
                    coldMs < 10_000 ? "met" : "NOT met", warmMs < 10_000 ? "met" : "NOT met", loadAverage());
        } finally {
            ctx.close();
        }
    }

    /**
     * The data, drawn with a fixed seed: {@code open} cases spread at random over the centres, 30 % ACCEPTED, 65 %
     * PROCESSING, 5 % SUSPENDED; a share {@code overdue} of them due 1 to 30 days ago, the others from today to 39 days
     * ahead; {@code closed} more COMPLETED or ARCHIVED (due and completed in the past 90 days, 90 % on time); an open
     * opinion step (due up to 6 days before its case) for one open case in ten; then {@code vacuum analyze}. The pages
     * are as full as a bulk load leaves them, so no update of the scan finds room on its page (the worst case).
     */
    static void load(Connection db, long[] centreIds, int open, int closed, LocalDate today, double overdue)
            throws SQLException {
        String centres = Arrays.stream(centreIds).mapToObj(Long::toString).collect(Collectors.joining(","));
        int n = centreIds.length;
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("select setseed(0.2026)");
        }
        try (PreparedStatement ps = db.prepareStatement("""
                with r as materialized (
                    select g, random() as a, random() as b, random() as d, random() as e
                    from generate_series(1, ?) g)
                insert into cas_case (centre_id, number, item_id, item_version_id, item_code, item_name, item_type,
                    department_id, window_id, intake_staff_id, handler_staff_id, channel, applicant_kind, applicant_name,
                    applicant_mobile, status, received_at, clock_started_at, accepted_at, limit_days, due_date,
                    completed_at, completed_on_time, result, created_at, updated_at)
                select x.centre_id, 'B-' || lpad(g::text, 8, '0'),
                    1 + g % 60, 1 + g % 60, 'ITEM-' || lpad((g % 60)::text, 3, '0'), '基准事项' || (g % 60), 'COMMITTED',
                    x.centre_id * 10 + g % 5, x.centre_id * 100 + g % 12, x.centre_id * 1000 + g % 40,
                    x.centre_id * 1000 + g % 40, 'WINDOW', 'PERSON', '申请人', '13800000000',
                    case when x.closed then case when b < 0.6 then 'COMPLETED' else 'ARCHIVED' end
                         when b < 0.05 then 'SUSPENDED' when b < 0.35 then 'ACCEPTED' else 'PROCESSING' end,
                    x.received, x.received, x.received, 20,
                    case when x.closed then ?::date - 1 - floor(e * 90)::int
                         when d < ? then ?::date - 1 - floor(e * 30)::int
                         else ?::date + floor(e * 40)::int end,
                    case when x.closed then x.received + interval '10 days' end,
                    case when x.closed then d < 0.9 end,
                    case when x.closed then 'APPROVED' end,
                    x.received, x.received
                from r cross join lateral (select (array[{CENTRES}])[1 + floor(r.a * {N})::int] as centre_id,
                    r.g > ? as closed, now() - floor(r.e * 40) * interval '1 day' as received) x
                """.replace("{CENTRES}", centres).replace("{N}", Integer.toString(n)))) {
            int i = 1;
            ps.setInt(i++, open + closed);
            ps.setObject(i++, today);
            ps.setDouble(i++, overdue);
            ps.setObject(i++, today);
            ps.setObject(i++, today);
            ps.setInt(i, open);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("""
                insert into cas_step (case_id, centre_id, kind, department_id, staff_id, actor, due_date, status, created_at)
                select id, centre_id, 'OPINION', department_id + 1, null, 'bench', due_date - floor(random() * 7)::int,
                    'OPEN', created_at
                from cas_case where status in ('ACCEPTED', 'PROCESSING', 'SUSPENDED') and random() < 0.1""")) {
            ps.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze cas_case");
            s.execute("vacuum analyze cas_step");
        }
    }

    /** The plain full-table reference: the same predicate as the red statement, forced to read the whole table. */
    static long referenceCount(Connection db, String[] running, LocalDate today) throws SQLException {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("set local enable_indexscan = off");
            s.execute("set local enable_bitmapscan = off");
            s.execute("set local enable_indexonlyscan = off");
            try (PreparedStatement ps = db.prepareStatement(
                    "select count(*) from cas_case where status in (?, ?) and due_date <= ?")) {
                ps.setString(1, running[0]);
                ps.setString(2, running[1]);
                ps.setObject(3, today);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(true);
        }
    }

    /** Every row's id and due date over JDBC (a cursor, 10,000 rows a fetch). */
    static long referenceFullRead(Connection db) throws SQLException {
        db.setAutoCommit(false);
        long n = 0;
        long checksum = 0;
        try (PreparedStatement ps = db.prepareStatement("select id, due_date from cas_case")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checksum += rs.getLong(1);
                    LocalDate d = rs.getObject(2, LocalDate.class);
                    checksum += d == null ? 0 : d.getDayOfMonth();
                    n++;
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(true);
        }
        return checksum == Long.MIN_VALUE ? -1 : n;
    }

    /** The plans of the scan's own statements for one centre (with {@code analyze}: run, then rolled back). */
    static void printPlans(ConfigurableApplicationContext ctx, long centreId, WarningScan scan, boolean analyze,
            String when) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        String code = jdbc.sql("select code from org_centre where id = :id").param("id", centreId).query(String.class)
                .single();
        WarningScan.Dates d = scan.dates(code, ZONE);
        System.out.println();
        System.out.println("Plans for centre " + code + ", " + when + " (today " + d.today() + ", yellow to "
                + d.yellowThreshold() + "):");
        String[][] statements = {{"red cases", WarningScan.RED_CASES}, {"yellow cases", WarningScan.YELLOW_CASES},
                {"red steps", WarningScan.RED_STEPS}, {"yellow steps", WarningScan.YELLOW_STEPS}};
        new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            java.sql.Timestamp marker = java.sql.Timestamp.from(java.time.Instant.parse("2000-01-01T00:00:00Z"));
            for (String[] st : statements) {
                System.out.println("  -- " + st[0]);
                jdbc.sql((analyze ? "explain (analyze, buffers, costs off, timing off) " : "explain ") + st[1]).param("m", marker).param("c", centreId)
                        .param("today", d.today()).param("threshold", d.yellowThreshold())
                        .param("open", WarningScan.OPEN_STEP).query(String.class).list()
                        .forEach(line -> System.out.println("  " + line));
            }
            tx.setRollbackOnly();
        });
    }
}
