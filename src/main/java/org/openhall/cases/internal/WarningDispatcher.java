package org.openhall.cases.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseWarningRaised;
import org.openhall.cases.WarningLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands the warnings of the log on, after the scan: in transactions of {@link WarningRules#dispatchBatchSize()}
 * warnings it marks each one dispatched and publishes one {@link CaseWarningRaised} per warning (CASE-5). The event
 * publication registry keeps each event until its listeners are done, {@link WarningNotifier} sends it to the
 * responsible person. A warning is marked exactly once ({@code dispatched_at is null} is checked by the update that
 * sets it), so it is never sent twice, whichever node or run picks it up. One run hands on at most
 * {@link WarningRules#dispatchMaxPerRun()} warnings; a flood is spread over the following runs.
 */
@Component
public class WarningDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WarningDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionOperations tx;
    private final ApplicationEventPublisher events;
    private final WarningRules rules;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("warning-dispatch").daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    WarningDispatcher(JdbcClient jdbc, TransactionOperations tx, ApplicationEventPublisher events, WarningRules rules,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    private record Pending(long id, long centreId, long caseId, String number, @Nullable Long stepId, WarningLevel level,
            @Nullable Long responsible) {
    }

    /** Runs {@link #dispatch()} in the background, once, however often it is asked for meanwhile. */
    public void dispatchLater() {
        if (rules.dispatchMaxPerRun() <= 0 || !queued.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            queued.set(false);
            try {
                dispatch();
            } catch (RuntimeException e) {
                log.warn("dispatching warnings failed, the next run takes them up: {}", e.toString());
            }
        });
    }

    /** Hands on the warnings not yet dispatched, oldest first, up to the run's bound; returns how many. */
    public int dispatch() {
        int done = 0;
        int max = rules.dispatchMaxPerRun();
        while (done < max) {
            int limit = Math.min(rules.dispatchBatchSize(), max - done);
            Integer n = tx.execute(s -> batch(limit));
            int taken = n == null ? 0 : n;
            done += taken;
            if (taken < limit) {
                break;
            }
        }
        return done;
    }

    /** How many warnings wait to be dispatched. */
    public long pending() {
        return jdbc.sql("select count(*) from cas_warning where dispatched_at is null").query(Long.class).single();
    }

    private int batch(int limit) {
        List<Pending> rows = jdbc.sql("""
                        select w.id, w.centre_id, w.case_id, c.number, w.step_id, w.warning_level, w.responsible_staff_id
                        from cas_warning w join cas_case c on c.id = w.case_id
                        where w.dispatched_at is null order by w.id limit :n""")
                .param("n", limit)
                .query((rs, i) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, Long.class), WarningLevel.valueOf(rs.getString(6)), rs.getObject(7, Long.class)))
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        for (Pending p : rows) {
            int marked = jdbc.sql("update cas_warning set dispatched_at = :t where id = :id and dispatched_at is null")
                    .param("t", now).param("id", p.id()).update();
            if (marked == 1) {
                events.publishEvent(new CaseWarningRaised(p.caseId(), p.centreId(), p.number(), p.stepId(), p.level(),
                        p.responsible()));
            }
        }
        return rows.size();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
