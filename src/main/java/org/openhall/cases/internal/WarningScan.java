package org.openhall.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.WarningLevel;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The 电子监察 warning scan (CASE-5): raises open cases whose clock runs, and their open steps, to YELLOW when the due
 * date is at most {@link WarningRules#yellowDays()} working days away and to RED when it has passed. It never lowers a
 * level (the core resets a case or step to NONE when a change moves its due date); SUSPENDED cases are not warned,
 * their clock stands still.
 *
 * <p>Set-based: per centre, today and the yellow threshold are computed once in Java from the centre's calendar
 * (working days, so a holiday between today and the due date counts for nothing), then a handful of statements raise
 * every row at once, using the index {@code (centre_id, status, warning_level, due_date)}. The rows a scan raised carry
 * its marker in {@code warning_at}; an {@code INSERT ... SELECT} of the marked rows writes the warning log in the same
 * transaction. Sending the warnings happens afterwards, from the log, in bounded batches ({@link WarningDispatcher}),
 * so a scan stays fast however many cases it raises.
 *
 * <p>Each centre is scanned in its own transaction that locks the centre's row of {@code cas_warning_scan}: scans of
 * the same centre (a scheduled and an on-demand one, or two nodes) run one after the other and never log a warning
 * twice.
 */
@Service
public class WarningScan {

    private static final Logger log = LoggerFactory.getLogger(WarningScan.class);

    /** The statuses with a running clock, as an SQL list: {@code 'ACCEPTED', 'PROCESSING'}. */
    static final String RUNNING = Arrays.stream(CaseStatus.values()).filter(CaseStatus::clockRuns)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    /** The status of a step that is still to be done (a routed task, a requested opinion, a review). */
    public static final String OPEN_STEP = "OPEN";

    // The statements of a centre's scan (public for the benchmark, which prints their plans). Parameters: :c the centre,
    // :today and :threshold its dates, :upto the later of them (no raised row is due after it, so the log statements
    // read the same index range as the updates), :m the scan's marker, :t the time raised, :open the open step status.

    /** Overdue cases with a running clock, not yet red: RED. */
    public static final String RED_CASES = "update cas_case set warning_level = 'RED', warning_at = :m"
            + " where centre_id = :c and status in (" + RUNNING + ") and warning_level in ('NONE', 'YELLOW')"
            + " and due_date < :today";

    /** Cases due from today to the threshold, not yet warned: YELLOW. */
    public static final String YELLOW_CASES = "update cas_case set warning_level = 'YELLOW', warning_at = :m"
            + " where centre_id = :c and status in (" + RUNNING + ") and warning_level = 'NONE'"
            + " and due_date >= :today and due_date <= :threshold";

    /** The log rows of the cases this scan raised (those carrying its marker). */
    public static final String LOG_CASES = "insert into cas_warning (centre_id, case_id, step_id, warning_level, due_date,"
            + " responsible_staff_id, raised_at) select centre_id, id, null, warning_level, due_date, handler_staff_id, :t"
            + " from cas_case where centre_id = :c and status in (" + RUNNING + ") and due_date <= :upto"
            + " and warning_level in ('YELLOW', 'RED') and warning_at = :m";

    /**
     * The steps warned on their own: open steps other than the handler's task ({@link StepKind#HANDLE}), which carries
     * the case's own due date and handler, so the case's warning is its warning; i.e. the opinions of assisting
     * departments on joint items (会办事项应在规定时限内提出审查意见) and reviews, each with its own limit.
     */
    private static final String CASE_CLOCK_RUNS = " and kind <> '" + StepKind.HANDLE.name() + "'"
            + " and exists (select 1 from cas_case c where c.id = cas_step.case_id and c.status in (" + RUNNING + "))";

    /** Overdue open steps of cases with a running clock: RED. */
    public static final String RED_STEPS = "update cas_step set warning_level = 'RED', warning_at = :m"
            + " where centre_id = :c and status = :open and warning_level in ('NONE', 'YELLOW')"
            + " and due_date < :today" + CASE_CLOCK_RUNS;

    /** Open steps due from today to the threshold: YELLOW. */
    public static final String YELLOW_STEPS = "update cas_step set warning_level = 'YELLOW', warning_at = :m"
            + " where centre_id = :c and status = :open and warning_level = 'NONE'"
            + " and due_date >= :today and due_date <= :threshold" + CASE_CLOCK_RUNS;

    /** The log rows of the steps this scan raised; responsible: the step's staff, else the case's handler. */
    public static final String LOG_STEPS = "insert into cas_warning (centre_id, case_id, step_id, warning_level, due_date,"
            + " responsible_staff_id, raised_at) select s.centre_id, s.case_id, s.id, s.warning_level, s.due_date,"
            + " coalesce(s.staff_id, c.handler_staff_id), :t from cas_step s join cas_case c on c.id = s.case_id"
            + " where s.centre_id = :c and s.status = :open and s.due_date <= :upto"
            + " and s.warning_level in ('YELLOW', 'RED') and s.warning_at = :m";

    /** What a scan raised, and how long it took. */
    public record Result(int yellowRaised, int redRaised, int stepsYellow, int stepsRed, long millis) {

        static final Result NONE = new Result(0, 0, 0, 0, 0);

        Result plus(Result o) {
            return new Result(yellowRaised + o.yellowRaised, redRaised + o.redRaised, stepsYellow + o.stepsYellow,
                    stepsRed + o.stepsRed, millis + o.millis);
        }

        Result withMillis(long m) {
            return new Result(yellowRaised, redRaised, stepsYellow, stepsRed, m);
        }

        public int total() {
            return yellowRaised + redRaised + stepsYellow + stepsRed;
        }
    }

    /** The dates a centre's scan works with: today in the centre's zone and the last due date that is yellow. */
    public record Dates(LocalDate today, @Nullable LocalDate yellowThreshold) {
    }

    /** The last scan of a centre, for the board. */
    public record LastScan(Instant at, long millis, Result raised) {
    }

    private final JdbcClient jdbc;
    private final TransactionOperations tx;
    private final CalendarApi calendar;
    private final OrganizationApi organization;
    private final AuditTrail audit;
    private final WarningRules rules;
    private final Clock clock;
    private final WarningDispatcher dispatcher;

    WarningScan(JdbcClient jdbc, TransactionOperations tx, CalendarApi calendar, OrganizationApi organization,
            AuditTrail audit, WarningRules rules, Clock clock, WarningDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.calendar = calendar;
        this.organization = organization;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** The scheduled scan ({@code openhall.cases.warnings.cron}); does nothing while {@code enabled} is false. */
    @Scheduled(cron = "${openhall.cases.warnings.cron:0 */10 7-20 * * MON-SAT}", zone = "${openhall.default-zone:Asia/Shanghai}")
    void scheduled() {
        if (!rules.enabled()) {
            return;
        }
        Result r = scanAll();
        if (r.total() > 0) {
            log.info("warning scan raised {} yellow / {} red cases, {} yellow / {} red steps in {} ms",
                    r.yellowRaised(), r.redRaised(), r.stepsYellow(), r.stepsRed(), r.millis());
        }
    }

    /**
     * Scans every active centre, each in its own transaction, {@link WarningRules#scanThreads()} centres at a time; a
     * centre that fails is logged and skipped.
     */
    public Result scanAll() {
        long start = System.nanoTime();
        List<CentreInfo> centres = organization.centres();
        int threads = Math.max(1, Math.min(rules.scanThreads(), centres.size()));
        Result sum = Result.NONE;
        if (threads == 1) {
            for (CentreInfo c : centres) {
                sum = sum.plus(scanSafely(c));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads,
                    Thread.ofPlatform().name("warning-scan-", 1).daemon(true).factory());
            // the signed-in user (an on-demand scan) stays the actor of the audit records
            try (ExecutorService scans = new DelegatingSecurityContextExecutorService(pool)) {
                List<Future<Result>> results = new ArrayList<>();
                for (CentreInfo c : centres) {
                    results.add(scans.submit(() -> scanSafely(c)));
                }
                for (Future<Result> f : results) {
                    sum = sum.plus(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("warning scan interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        dispatcher.dispatchLater();
        return sum.withMillis(elapsedMillis(start));
    }

    private Result scanSafely(CentreInfo c) {
        try {
            return scanCentre(c);
        } catch (RuntimeException e) {
            log.warn("warning scan of centre {} failed: {}", c.code(), e.toString());
            return Result.NONE;
        }
    }

    /** Scans one centre now (the on-demand scan) and hands the new warnings on to the dispatcher. */
    public Result scan(long centreId) {
        long start = System.nanoTime();
        CentreInfo c = organization.centre(centreId)
                .orElseThrow(() -> DomainException.notFound("cases.warnings.centre.notFound", centreId));
        Result r = scanCentre(c);
        dispatcher.dispatchLater();
        return r.withMillis(elapsedMillis(start));
    }

    /** Today and the yellow threshold of a centre, from its calendar (CAL-2). */
    public Dates dates(String centreCode, ZoneId fallbackZone) {
        ZoneId zone;
        try {
            zone = calendar.zone(centreCode);
        } catch (DomainException unknownCentre) {
            zone = fallbackZone;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate threshold;
        try {
            threshold = calendar.addWorkingDays(centreCode, today, rules.yellowDays());
        } catch (DomainException e) {
            // a year without an arrangement, or a centre the calendar does not know: red still works, yellow waits
            log.warn("no yellow warnings for centre {}: {}", centreCode, e.messageKey());
            threshold = null;
        }
        return new Dates(today, threshold);
    }

    private Result scanCentre(CentreInfo c) {
        long start = System.nanoTime();
        Dates d = dates(c.code(), c.zone());
        ensureScanRow(c.id());
        Result r = tx.execute(s -> raise(c.id(), d, start));
        return r == null ? Result.NONE : r;
    }

    /** The centre's row of cas_warning_scan, made in a transaction of its own (a concurrent insert loses quietly). */
    private void ensureScanRow(long centreId) {
        boolean exists = jdbc.sql("select count(*) from cas_warning_scan where centre_id = :c").param("c", centreId)
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> jdbc.sql("insert into cas_warning_scan (centre_id) values (:c)")
                    .param("c", centreId).update());
        } catch (DuplicateKeyException raced) {
            // another scan made it first
        }
    }

    private Result raise(long centreId, Dates d, long start) {
        Optional<Timestamp> last = jdbc.sql("select last_marker from cas_warning_scan where centre_id = :c for update")
                .param("c", centreId).query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single();
        Instant now = clock.instant();
        Instant marker = now.truncatedTo(ChronoUnit.MICROS);
        if (last.isPresent() && !marker.isAfter(last.get().toInstant())) {
            marker = last.get().toInstant().plus(1, ChronoUnit.MICROS);
        }
        Timestamp m = Timestamp.from(marker);
        Timestamp raisedAt = Timestamp.from(now);
        LocalDate today = d.today();
        LocalDate upto = d.yellowThreshold() == null ? today : d.yellowThreshold();

        int red = jdbc.sql(RED_CASES).param("m", m).param("c", centreId).param("today", today).update();
        int yellow = 0;
        if (d.yellowThreshold() != null) {
            yellow = jdbc.sql(YELLOW_CASES).param("m", m).param("c", centreId).param("today", today)
                    .param("threshold", d.yellowThreshold()).update();
        }
        if (red + yellow > 0) {
            jdbc.sql(LOG_CASES).param("t", raisedAt).param("c", centreId).param("upto", upto).param("m", m).update();
        }
        int stepsRed = jdbc.sql(RED_STEPS).param("m", m).param("c", centreId).param("open", OPEN_STEP)
                .param("today", today).update();
        int stepsYellow = 0;
        if (d.yellowThreshold() != null) {
            stepsYellow = jdbc.sql(YELLOW_STEPS).param("m", m).param("c", centreId).param("open", OPEN_STEP)
                    .param("today", today).param("threshold", d.yellowThreshold()).update();
        }
        if (stepsRed + stepsYellow > 0) {
            jdbc.sql(LOG_STEPS).param("t", raisedAt).param("c", centreId).param("open", OPEN_STEP).param("upto", upto)
                    .param("m", m).update();
        }

        Result r = new Result(yellow, red, stepsYellow, stepsRed, elapsedMillis(start));
        jdbc.sql("update cas_warning_scan set last_marker = :m, last_scan_at = :t, last_millis = :ms,"
                        + " yellow_raised = :y, red_raised = :r, steps_yellow = :sy, steps_red = :sr where centre_id = :c")
                .param("m", m).param("t", raisedAt).param("ms", r.millis()).param("y", yellow).param("r", red)
                .param("sy", stepsYellow).param("sr", stepsRed).param("c", centreId).update();
        if (r.total() > 0) {
            // one audit record per centre and scan; the warning log holds every raised case and step
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("today", d.today().toString());
            after.put("yellowThreshold", d.yellowThreshold() == null ? null : d.yellowThreshold().toString());
            after.put("yellowRaised", yellow);
            after.put("redRaised", red);
            after.put("stepsYellow", stepsYellow);
            after.put("stepsRed", stepsRed);
            audit.record(centreId, "CaseWarningScan", String.valueOf(centreId), "RAISE", null, after);
        }
        return r;
    }

    /** The last scan of a centre, if there was one. */
    public Optional<LastScan> lastScan(long centreId) {
        return jdbc.sql("select last_scan_at, last_millis, yellow_raised, red_raised, steps_yellow, steps_red"
                        + " from cas_warning_scan where centre_id = :c and last_scan_at is not null")
                .param("c", centreId)
                .query((rs, n) -> new LastScan(rs.getTimestamp(1).toInstant(), rs.getLong(2),
                        new Result(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(2))))
                .optional();
    }

    /** The level a due date has on {@code today} under these rules (the scan's predicate, for one date). */
    public static WarningLevel levelOf(LocalDate due, Dates d) {
        if (due.isBefore(d.today())) {
            return WarningLevel.RED;
        }
        if (d.yellowThreshold() != null && !due.isAfter(d.yellowThreshold())) {
            return WarningLevel.YELLOW;
        }
        return WarningLevel.NONE;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
