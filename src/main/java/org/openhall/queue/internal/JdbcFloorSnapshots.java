package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.FloorSnapshot.CurrentTicket;
import org.openhall.queue.internal.FloorSnapshot.ServiceState;
import org.openhall.queue.internal.FloorSnapshot.WaitingTicket;
import org.openhall.queue.internal.FloorSnapshot.WindowState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the {@link FloorSnapshot} of a centre: a handful of queries on today's rows of the centre, each
 * bounded by an index whatever the day's volume: along {@code q_ticket_service_ix} the waiting tickets of each service
 * and backwards its latest finished ones (V773), the windows and the tickets they hold by primary key.
 */
@Component
public class JdbcFloorSnapshots {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FloorDirectory directory;
    private final QueueRules rules;
    private final ZoneId defaultZone;

    JdbcFloorSnapshots(JdbcClient jdbc, Clock clock, FloorDirectory directory, QueueRules rules,
            @Value("${openhall.default-zone:Asia/Shanghai}") String defaultZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.rules = rules;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    /** The centre's zone (its own, else {@code openhall.default-zone}). */
    public ZoneId zone(long centreId) {
        return directory.centre(centreId).map(CentreInfo::zone).orElse(defaultZone);
    }

    /** The centre's floor now. */
    @Transactional(readOnly = true)
    public FloorSnapshot load(long centreId) {
        return load(centreId, false);
    }

    /**
     * The centre's floor now, its services and their windows taken from the {@link FloorDirectory} (at most a few seconds
     * old): for the estimate printed on each ticket issued (see {@link JdbcWaitEstimates#forIssued}).
     */
    @Transactional(readOnly = true)
    public FloorSnapshot loadForIssue(long centreId) {
        return load(centreId, true);
    }

    /** The service's tickets waiting now (today in the centre's zone), any order. */
    @Transactional(readOnly = true)
    public List<WaitingTicket> waiting(long centreId, long serviceId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone(centreId));
        return jdbc.sql("""
                select id, service_id, number, priority_class, queued_at, rank_at from q_ticket
                where service_id = ? and business_date = ? and status = 'WAITING'""")
                .params(serviceId, today)
                .query((rs, i) -> waitingTicket(rs))
                .list();
    }

    private FloorSnapshot load(long centreId, boolean directorySetup) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone(centreId));

        List<FloorDirectory.ActiveService> active = directorySetup ? directory.activeServices(centreId)
                : FloorDirectory.readActiveServices(jdbc, centreId);
        Map<Long, List<Double>> recent = recentMinutes(active, today);

        List<ServiceState> services = new ArrayList<>();
        for (FloorDirectory.ActiveService a : active) {
            services.add(new ServiceState(a.id(), a.code(), a.name(), a.prefix(), a.defaultMinutes(),
                    recent.getOrDefault(a.id(), List.of())));
        }
        FloorDirectory.Assignments assignments = directorySetup ? directory.assignments(centreId)
                : FloorDirectory.readAssignments(jdbc, centreId);
        Map<Long, Set<Long>> own = assignments.own();
        Map<Long, Set<Long>> qualified = assignments.qualified();

        // the windows, then the tickets they hold by their ids: two reads by primary key (as one join, the planner
        // misjudged the window rows of a busy day and merged along the whole ticket key instead)
        record WindowRead(long window, WindowStatus status, @Nullable Long staff, @Nullable Long ticket,
                @Nullable String pauseReason, @Nullable Instant pauseUntil, Instant since) {
        }
        List<WindowRead> rows = jdbc.sql("""
                select window_id, status, staff_id, current_ticket_id, pause_reason, pause_until, since
                from q_window_state where centre_id = :c order by window_id""")
                .param("c", centreId)
                .query((rs, i) -> new WindowRead(rs.getLong("window_id"), WindowStatus.valueOf(rs.getString("status")),
                        rs.getObject("staff_id", Long.class), rs.getObject("current_ticket_id", Long.class),
                        rs.getString("pause_reason"), instant(rs, "pause_until"), rs.getTimestamp("since").toInstant()))
                .list();
        List<Long> held = rows.stream().map(WindowRead::ticket).filter(Objects::nonNull).toList();
        Map<Long, CurrentTicket> current = new HashMap<>();
        if (!held.isEmpty()) {
            jdbc.sql("""
                    select id, number, service_id, status, called_at, serving_at from q_ticket
                    where id in (:ids) and called_at is not null""")
                    .param("ids", held)
                    .query((ResultSet rs) -> {
                        long id = rs.getLong("id");
                        current.put(id, new CurrentTicket(id, rs.getString("number"), rs.getLong("service_id"),
                                TicketStatus.valueOf(rs.getString("status")), rs.getTimestamp("called_at").toInstant(),
                                instant(rs, "serving_at")));
                    });
        }
        List<WindowState> windows = new ArrayList<>(rows.size());
        for (WindowRead r : rows) {
            windows.add(new WindowState(r.window(), r.status(), r.staff(), own.getOrDefault(r.window(), Set.of()),
                    qualified.getOrDefault(r.window(), Set.of()), r.ticket() == null ? null : current.get(r.ticket()),
                    r.pauseReason(), r.pauseUntil(), r.since()));
        }

        List<WaitingTicket> waiting = jdbc.sql("""
                select id, service_id, number, priority_class, queued_at, rank_at from q_ticket
                where service_id in (select id from q_service where centre_id = :c) and business_date = :d
                  and status = 'WAITING'""")
                .param("c", centreId).param("d", today)
                .query((rs, i) -> waitingTicket(rs))
                .list();

        return new FloorSnapshot(centreId, now, services, windows, waiting);
    }

    /**
     * Each service's latest finished tickets of the day (at most {@link QueueRules#estimateSampleSize()}), newest first,
     * as handling minutes: one statement of one part per service, each read backwards along {@code q_ticket_service_ix}
     * (V773), so a few rows per service however many the day has seen.
     */
    private Map<Long, List<Double>> recentMinutes(List<FloorDirectory.ActiveService> active, LocalDate day) {
        Map<Long, List<Double>> recent = new HashMap<>();
        if (active.isEmpty()) {
            return recent;
        }
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("d", day);
        params.put("n", rules.estimateSampleSize());
        for (int i = 0; i < active.size(); i++) {
            sql.append(i == 0 ? "" : " union all ").append("""
                    (select service_id, called_at, finished_at from q_ticket
                     where service_id = :s%1$d and business_date = :d and status = 'DONE' and finished_at is not null
                       and called_at is not null
                     order by finished_at desc limit :n)""".formatted(i));
            params.put("s" + i, active.get(i).id());
        }
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            recent.computeIfAbsent(rs.getLong("service_id"), k -> new ArrayList<>()).add(WaitEstimator.minutesBetween(
                    rs.getTimestamp("called_at").toInstant(), rs.getTimestamp("finished_at").toInstant()));
        });
        return recent;
    }

    /** The centre and status of a ticket. */
    @Transactional(readOnly = true)
    public Optional<TicketRef> ticket(long ticketId) {
        return jdbc.sql("select centre_id, status from q_ticket where id = :id").param("id", ticketId)
                .query((rs, i) -> new TicketRef(ticketId, rs.getLong("centre_id"),
                        TicketStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** The centres that have an active queue service (the floor scan looks at these only). */
    @Transactional(readOnly = true)
    public List<Long> centresWithQueues() {
        return jdbc.sql("select distinct centre_id from q_service where active = true order by centre_id")
                .query(Long.class).list();
    }

    private static WaitingTicket waitingTicket(ResultSet rs) throws SQLException {
        return new WaitingTicket(rs.getLong("id"), rs.getLong("service_id"), rs.getString("number"),
                PriorityClass.valueOf(rs.getString("priority_class")),
                rs.getTimestamp("queued_at").toInstant(), rs.getTimestamp("rank_at").toInstant());
    }

    public record TicketRef(long id, long centreId, TicketStatus status) {
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
