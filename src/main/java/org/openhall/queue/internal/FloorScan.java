package org.openhall.queue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.internal.FloorAlertRules.Condition;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.WaitEstimates.ServiceLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor scan: every {@code openhall.queue.floor-scan.interval} (30 s) it looks at the floor of every
 * centre with a queue, raises the alerts whose condition ({@link FloorAlertRules}) has begun, clears those whose
 * condition has ended — so that an alert is raised once while its condition lasts — and appends each as a live event
 * ({@code alert.raised}, {@code alert.cleared}); it also appends a {@code queue.stats} snapshot of the estimates when it
 * differs from the last one published. A raised alert goes to the supervisor after commit ({@link FloorAlertNotifier}).
 *
 * <p>Each centre is scanned in its own transaction that locks the centre's row of {@code q_floor_scan}: the scheduled
 * scans of several nodes and an on-demand scan run one after the other and never raise an alert twice.
 */
@Service
public class FloorScan {

    private static final Logger log = LoggerFactory.getLogger(FloorScan.class);
    /** Alert texts are stored in Chinese, the language of the hall (the floor view renders its own in either). */
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** What a scan did. */
    public record Result(int raised, int cleared, int statsPublished) {

        static final Result NONE = new Result(0, 0, 0);

        Result plus(Result o) {
            return new Result(raised + o.raised, cleared + o.cleared, statsPublished + o.statsPublished);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionOperations tx;
    private final JdbcFloorSnapshots snapshots;
    private final FloorAlerts alerts;
    private final LiveEvents live;
    private final QueueRules queueRules;
    private final FloorAlertRules rules;
    private final WaitEstimator estimator;
    private final FloorScanSettings settings;
    private final ApplicationEventPublisher publisher;
    private final MessageSource messages;
    private final OrganizationApi organization;
    private final JsonMapper json;

    FloorScan(JdbcClient jdbc, TransactionOperations tx, JdbcFloorSnapshots snapshots, FloorAlerts alerts,
            LiveEvents live, QueueRules queueRules, FloorScanSettings settings, ApplicationEventPublisher publisher,
            MessageSource messages, OrganizationApi organization, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.snapshots = snapshots;
        this.alerts = alerts;
        this.live = live;
        this.queueRules = queueRules;
        this.rules = new FloorAlertRules(queueRules);
        this.estimator = WaitEstimator.of(queueRules);
        this.settings = settings;
        this.publisher = publisher;
        this.messages = messages;
        this.organization = organization;
        this.json = json;
    }

    /** The scheduled scan; does nothing while {@code openhall.queue.floor-scan.enabled} is false. */
    @Scheduled(fixedDelayString = "${openhall.queue.floor-scan.interval:30s}",
            initialDelayString = "${openhall.queue.floor-scan.interval:30s}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        Result r = scanAll();
        if (r.raised() + r.cleared() > 0) {
            log.debug("floor scan raised {} and cleared {} alerts", r.raised(), r.cleared());
        }
    }

    /** Scans every centre that has an active queue service, each in its own transaction; a failing centre is logged. */
    public Result scanAll() {
        Result sum = Result.NONE;
        for (long centre : snapshots.centresWithQueues()) {
            try {
                sum = sum.plus(scan(centre));
            } catch (RuntimeException e) {
                log.warn("floor scan of centre {} failed: {}", centre, e.toString());
            }
        }
        return sum;
    }

    /** Scans one centre now. */
    public Result scan(long centreId) {
        ensureScanRow(centreId);
        Result r = tx.execute(s -> scanLocked(centreId));
        return r == null ? Result.NONE : r;
    }

    private void ensureScanRow(long centreId) {
        boolean exists = jdbc.sql("select count(*) from q_floor_scan where centre_id = :c").param("c", centreId)
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> jdbc.sql("insert into q_floor_scan (centre_id) values (:c)")
                    .param("c", centreId).update());
        } catch (DuplicateKeyException raced) {
            // another scan made it first
        }
    }

    private Result scanLocked(long centreId) {
        String lastHash = jdbc.sql("select stats_hash from q_floor_scan where centre_id = :c for update")
                .param("c", centreId).query((rs, i) -> rs.getString(1)).optional().orElse(null);
        FloorSnapshot snapshot = snapshots.load(centreId);
        Instant now = snapshot.now();

        Map<String, Condition> wanted = new LinkedHashMap<>();
        for (Condition c : rules.evaluate(snapshot)) {
            wanted.put(c.key(), c);
        }
        Map<String, FloorAlerts.Alert> open = new HashMap<>();
        List<FloorAlerts.Alert> stale = new ArrayList<>();
        for (FloorAlerts.Alert a : alerts.open(centreId)) {
            String key = a.kind() + "|" + a.subjectKey();
            if (wanted.containsKey(key) && !open.containsKey(key)) {
                open.put(key, a);
            } else {
                stale.add(a);
            }
        }
        int raised = 0;
        Names names = new Names(snapshot);
        for (Condition c : wanted.values()) {
            if (open.containsKey(c.key())) {
                continue;
            }
            String message = message(c, names);
            long id = alerts.raise(centreId, c.kind(), c.subjectKey(), message, now);
            live.append(centreId, "alert.raised", c.windowId(), alertData(id, c.kind(), c.subjectKey(), message));
            publisher.publishEvent(new FloorAlertRaised(centreId, id, c.kind(), c.subjectKey(), message, c.windowId()));
            raised++;
        }
        for (FloorAlerts.Alert a : stale) {
            alerts.clear(a.id(), now);
            live.append(centreId, "alert.cleared", windowOf(a.subjectKey()),
                    alertData(a.id(), a.kind(), a.subjectKey(), a.message()));
        }

        int statsPublished = 0;
        Map<String, Object> stats = stats(estimator.on(snapshot).loads());
        String hash = sha256(json.writeValueAsString(stats));
        if (!hash.equals(lastHash)) {
            live.append(centreId, "queue.stats", null, stats);
            statsPublished = 1;
        }
        jdbc.sql("update q_floor_scan set last_scan_at = :t, stats_hash = :h where centre_id = :c")
                .param("t", Timestamp.from(now)).param("h", hash).param("c", centreId).update();
        return new Result(raised, stale.size(), statsPublished);
    }

    /** The data of {@code queue.stats} (LiveEvent): per service waiting, average and the wait of a ticket taken now. */
    static Map<String, Object> stats(List<ServiceLoad> loads) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceLoad l : loads) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serviceId", l.serviceId());
            m.put("code", l.code());
            m.put("name", l.name());
            m.put("prefix", l.prefix());
            m.put("waiting", l.waiting());
            m.put("avgMinutes", Math.round(l.averageMinutes() * 10) / 10.0);
            m.put("estimatedWaitMinutes", l.estimatedWaitMinutes());
            services.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("services", services);
        return data;
    }

    private static Map<String, Object> alertData(long id, AlertKind kind, String subject, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", id);
        data.put("kind", kind.name());
        data.put("subject", subject);
        data.put("message", message);
        return data;
    }

    private static @Nullable Long windowOf(String subjectKey) {
        return subjectKey.startsWith("window:") ? Long.valueOf(subjectKey.substring("window:".length())) : null;
    }

    /** The Chinese text stored with the alert and sent to the supervisor. */
    String message(Condition c, Names names) {
        String key = "queue.floor.alert.message." + c.kind();
        Object[] args = switch (c.kind()) {
            case LONG_QUEUE -> new Object[] {names.service(c.serviceId()), c.count(), rulesQueueLength()};
            case LONG_WAIT -> new Object[] {names.service(c.serviceId()), c.count(), rulesWaitMinutes(),
                    c.ticketNumber(), c.minutes()};
            case WINDOW_IDLE -> new Object[] {names.window(c.windowId()), names.staff(c.staffId()), c.minutes(),
                    c.count()};
            case WINDOW_PAUSED -> new Object[] {names.window(c.windowId()), names.staff(c.staffId()), c.minutes(),
                    c.pauseReason() == null ? "" : c.pauseReason(), c.count()};
            case CLERK_IDLE -> new Object[] {names.staff(c.staffId()), names.window(c.windowId()), c.minutes(),
                    c.count()};
        };
        return messages.getMessage(key, args, ZH);
    }

    private int rulesQueueLength() {
        return queueRules.alertQueueLength();
    }

    private int rulesWaitMinutes() {
        return queueRules.alertWaitMinutes();
    }

    /** Readable names of the subjects of a scan, looked up once each. */
    final class Names {
        private final Map<Long, ServiceState> services = new HashMap<>();
        private final Map<Long, String> windows = new HashMap<>();
        private final Map<Long, String> staff = new HashMap<>();

        Names(FloorSnapshot s) {
            for (ServiceState svc : s.services()) {
                services.put(svc.id(), svc);
            }
        }

        String service(@Nullable Long id) {
            ServiceState s = id == null ? null : services.get(id);
            return s == null ? String.valueOf(id) : s.prefix() + " " + s.name();
        }

        String window(@Nullable Long id) {
            if (id == null) {
                return "";
            }
            return windows.computeIfAbsent(id, k -> messages.getMessage("queue.floor.window.label",
                    new Object[] {organization.window(k).map(WindowInfo::number).orElse(String.valueOf(k))}, ZH));
        }

        String staff(@Nullable Long id) {
            if (id == null) {
                return messages.getMessage("queue.floor.nobody", null, ZH);
            }
            return staff.computeIfAbsent(id, k -> organization.staff(k).map(StaffSummary::name)
                    .orElse(String.valueOf(k)));
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
