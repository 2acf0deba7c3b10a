package org.openhall.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorAlertRules.Condition;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.FloorSnapshot.WaitingTicket;
import org.openhall.queue.internal.FloorSnapshot.WindowState;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's floor view: per service the waiting, the longest wait and the estimate; each window
 * with its state, clerk, current ticket, pause and idle time; the open alerts. Read from one {@link FloorSnapshot}, so
 * that the numbers agree with the estimates and the alerts.
 */
@Component
public class FloorBoard {

    private final JdbcFloorSnapshots snapshots;
    private final FloorAlerts alerts;
    private final OrganizationApi organization;
    private final QueueRules rules;
    private final WaitEstimator estimator;
    private final FloorAlertRules alertRules;
    private final JdbcClient jdbc;

    FloorBoard(JdbcFloorSnapshots snapshots, FloorAlerts alerts, OrganizationApi organization, QueueRules rules,
            JdbcClient jdbc) {
        this.snapshots = snapshots;
        this.alerts = alerts;
        this.organization = organization;
        this.rules = rules;
        this.estimator = WaitEstimator.of(rules);
        this.alertRules = new FloorAlertRules(rules);
        this.jdbc = jdbc;
    }

    /** The whole floor of a centre. */
    public record View(long centreId, String centreCode, String centreName, ZonedDateTime now, int waiting,
            int openWindows, int signedIn, int paused, List<ServiceRow> services, List<WindowRow> windows,
            List<AlertRow> alerts, int clearedToday, @Nullable ZonedDateTime lastScanAt, QueueRules rules) {
    }

    /**
     * @param longestWaitMinutes the wait of the longest-waiting ticket ({@code null}: nobody waits)
     * @param estimateMinutes    the wait of a ticket taken now
     */
    public record ServiceRow(long id, String code, String prefix, String name, int waiting,
            @Nullable Long longestWaitMinutes, @Nullable String longestTicket, int openWindows, double averageMinutes,
            int estimateMinutes, boolean longQueue, boolean longWait) {
    }

    /**
     * @param minutesInStatus how long the window has been in its state (idle time when IDLE)
     * @param waitingForIt    tickets waiting for the services it calls
     */
    public record WindowRow(long windowId, String number, String name, WindowStatus status, @Nullable String staffName,
            @Nullable String currentNumber, @Nullable String currentService, @Nullable Long currentMinutes,
            @Nullable String pauseReason, @Nullable LocalTime pauseUntil, boolean pauseOverdue, long minutesInStatus,
            int waitingForIt, List<String> ownServices, List<String> qualifiedServices, boolean alert) {

        public boolean signedIn() {
            return status != WindowStatus.SIGNED_OUT;
        }
    }

    /**
     * An open alert. {@code detailKey} and {@code detailArgs} describe the condition as it is now (in the reader's
     * language); {@code message} is the Chinese text stored when it was raised.
     */
    public record AlertRow(long id, AlertKind kind, String subject, @Nullable String detailKey, Object[] detailArgs,
            String message, LocalTime raisedAt, long minutesOpen, @Nullable String acknowledgedBy,
            @Nullable LocalTime acknowledgedAt) {

        /** A window alert's subject is a window number (the page shows 5号窗口). */
        public boolean aboutWindow() {
            return kind == AlertKind.WINDOW_IDLE || kind == AlertKind.WINDOW_PAUSED;
        }
    }

    /**
     * @param departmentLimit a DEPT_HEAD sees the windows of their department (and the alerts about them) only
     */
    @Transactional(readOnly = true)
    public View view(long centreId, @Nullable Long departmentLimit) {
        CentreInfo centre = organization.centre(centreId)
                .orElseThrow(() -> DomainException.notFound("queue.floor.centre.notFound", centreId));
        ZoneId zone = centre.zone();
        FloorSnapshot s = snapshots.load(centreId);
        Instant now = s.now();
        WaitEstimator.Floor floor = estimator.on(s);

        Map<Long, List<WaitingTicket>> byService = new HashMap<>();
        for (WaitingTicket t : s.waiting()) {
            byService.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t);
        }
        Map<Long, ServiceState> serviceById = new HashMap<>();
        List<ServiceRow> services = new ArrayList<>();
        for (ServiceState svc : s.services()) {
            serviceById.put(svc.id(), svc);
            List<WaitingTicket> waiting = byService.getOrDefault(svc.id(), List.of());
            WaitingTicket longest = waiting.stream().min(WaitEstimator.ARRIVAL_ORDER).orElse(null);
            Long longestMinutes = longest == null ? null : Duration.between(longest.queuedAt(), now).toMinutes();
            services.add(new ServiceRow(svc.id(), svc.code(), svc.prefix(), svc.name(), waiting.size(), longestMinutes,
                    longest == null ? null : longest.number(), floor.openWindows(svc.id()),
                    Math.round(floor.average(svc.id()) * 10) / 10.0, floor.forNewTicket(svc.id()).minutes(),
                    waiting.size() > rules.alertQueueLength(), longest != null
                            && Duration.between(longest.queuedAt(), now).toSeconds() > rules.alertWaitMinutes() * 60L));
        }

        List<Condition> conditions = alertRules.evaluate(s);
        Map<String, Condition> conditionByKey = new HashMap<>();
        for (Condition c : conditions) {
            conditionByKey.put(c.key(), c);
        }
        List<FloorAlerts.Alert> open = alerts.open(centreId);

        Map<Long, WindowState> states = new HashMap<>();
        for (WindowState w : s.windows()) {
            states.put(w.windowId(), w);
        }
        Map<Long, String> staffNames = new HashMap<>();
        List<WindowRow> windows = new ArrayList<>();
        List<Long> visibleWindows = new ArrayList<>();
        int openWindows = 0;
        int signedIn = 0;
        int paused = 0;
        for (WindowInfo info : organization.windows(centreId)) {
            if (departmentLimit != null && info.departmentId() != departmentLimit) {
                continue;
            }
            visibleWindows.add(info.id());
            WindowState w = states.get(info.id());
            WindowStatus status = w == null ? WindowStatus.SIGNED_OUT : w.status();
            if (status != WindowStatus.SIGNED_OUT) {
                signedIn++;
            }
            if (w != null && w.open()) {
                openWindows++;
            }
            if (status == WindowStatus.PAUSED) {
                paused++;
            }
            String staffName = w == null || w.staffId() == null ? null : staffName(w.staffId(), staffNames);
            FloorSnapshot.CurrentTicket cur = w == null ? null : w.current();
            ServiceState curService = cur == null ? null : serviceById.get(cur.serviceId());
            LocalTime until = w == null || w.pauseUntil() == null ? null
                    : w.pauseUntil().atZone(zone).toLocalTime();
            boolean overdue = w != null && status == WindowStatus.PAUSED && w.pauseUntil() != null
                    && now.isAfter(w.pauseUntil());
            boolean alert = conditionByKey.containsKey(AlertKind.WINDOW_IDLE + "|" + FloorAlertRules.windowKey(info.id()))
                    || conditionByKey.containsKey(AlertKind.WINDOW_PAUSED + "|" + FloorAlertRules.windowKey(info.id()));
            windows.add(new WindowRow(info.id(), info.number(), info.name(), status, staffName,
                    cur == null ? null : cur.number(),
                    curService == null ? null : curService.prefix() + " " + curService.name(),
                    cur == null ? null : Duration.between(cur.calledAt(), now).toMinutes(),
                    w == null ? null : w.pauseReason(), until, overdue,
                    w == null || status == WindowStatus.SIGNED_OUT ? 0 : w.inStatus(now).toMinutes(),
                    w == null ? 0 : alertRules.waitingFor(w, byService),
                    labels(w == null ? List.of() : w.ownServices().stream().toList(), serviceById),
                    labels(w == null ? List.of() : w.qualifiedServices().stream().toList(), serviceById), alert));
        }

        List<AlertRow> alertRows = new ArrayList<>();
        for (FloorAlerts.Alert a : open) {
            if (departmentLimit != null && !visibleTo(a, conditionByKey, visibleWindows, states)) {
                continue;
            }
            Condition c = conditionByKey.get(a.kind() + "|" + a.subjectKey());
            String subject = subject(a.subjectKey(), serviceById, staffNames);
            String detailKey = c == null ? null : "queue.floor.alert.detail." + a.kind();
            Object[] args = c == null ? new Object[0] : detailArgs(c);
            alertRows.add(new AlertRow(a.id(), a.kind(), subject, detailKey, args, a.message(),
                    a.raisedAt().atZone(zone).toLocalTime(), Duration.between(a.raisedAt(), now).toMinutes(),
                    a.acknowledgedBy(), a.acknowledgedAt() == null ? null : a.acknowledgedAt().atZone(zone).toLocalTime()));
        }

        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        ZonedDateTime lastScan = jdbc.sql("select last_scan_at from q_floor_scan where centre_id = :c")
                .param("c", centreId).query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1))).optional()
                .flatMap(o -> o).map(t -> t.toInstant().atZone(zone)).orElse(null);
        return new View(centreId, centre.code(), centre.name(), now.atZone(zone), s.waiting().size(), openWindows,
                signedIn, paused, services, windows, alertRows, alerts.clearedSince(centreId, startOfDay), lastScan,
                rules);
    }

    private boolean visibleTo(FloorAlerts.Alert a, Map<String, Condition> conditions, List<Long> visibleWindows,
            Map<Long, WindowState> states) {
        String key = a.subjectKey();
        if (key.startsWith("service:")) {
            return true;
        }
        if (key.startsWith("window:")) {
            return visibleWindows.contains(Long.valueOf(key.substring("window:".length())));
        }
        Condition c = conditions.get(a.kind() + "|" + key);
        return c != null && c.windowId() != null && visibleWindows.contains(c.windowId());
    }

    private String staffName(long staffId, Map<Long, String> cache) {
        return cache.computeIfAbsent(staffId, k -> organization.staff(k).map(StaffSummary::name)
                .orElse(String.valueOf(k)));
    }

    private static List<String> labels(List<Long> serviceIds, Map<Long, ServiceState> services) {
        List<String> out = new ArrayList<>();
        for (ServiceState s : services.values()) {
            if (serviceIds.contains(s.id())) {
                out.add(s.prefix());
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    private String subject(String key, Map<Long, ServiceState> services, Map<Long, String> staffNames) {
        int colon = key.indexOf(':');
        long id = Long.parseLong(key.substring(colon + 1));
        return switch (key.substring(0, colon)) {
            case "service" -> Optional.ofNullable(services.get(id)).map(s -> s.prefix() + " " + s.name())
                    .orElse(key);
            case "window" -> organization.window(id).map(WindowInfo::number).orElse(String.valueOf(id));
            case "staff" -> staffName(id, staffNames);
            default -> key;
        };
    }

    private Object[] detailArgs(Condition c) {
        return switch (c.kind()) {
            case LONG_QUEUE -> new Object[] {c.count(), rules.alertQueueLength()};
            case LONG_WAIT -> new Object[] {c.minutes(), c.ticketNumber(), c.count(), rules.alertWaitMinutes()};
            case WINDOW_IDLE -> new Object[] {c.minutes(), c.count()};
            case WINDOW_PAUSED -> new Object[] {c.minutes(), c.pauseReason() == null ? "-" : c.pauseReason(),
                    c.count()};
            case CLERK_IDLE -> new Object[] {c.windowId() == null ? "-"
                    : organization.window(c.windowId()).map(WindowInfo::number).orElse("-"), c.minutes(), c.count()};
        };
    }
}
