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
 * Reads the {@link FloorSnapshot} of a centre: a handful of queries on today's rows of the centre, all
 * through the indexes of V700 ({@code q_ticket (centre_id, business_date, status)}, the primary keys).
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
                where service_id = :s and business_date = :d and status = 'WAITING'""")
                .param("s", serviceId).param("d", today)
                .query((rs, i) -> waitingTicket(rs))
                .list();
    }

    private FloorSnapshot load(long centreId, boolean directorySetup) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone(centreId));

        Map<Long, List<Double>> recent = new HashMap<>();
        jdbc.sql("""
                select service_id, called_at, finished_at from (
                  select service_id, called_at, finished_at,
                         row_number() over (partition by service_id order by finished_at desc, id desc) as rn
                  from q_ticket
                  where centre_id = :c and business_date = :d and status = 'DONE'
                    and called_at is not null and finished_at is not null) x
                where rn <= :n
                order by service_id, finished_at desc""")
                .param("c", centreId).param("d", today).param("n", rules.estimateSampleSize())
                .query((ResultSet rs) -> {
                    Instant called = rs.getTimestamp("called_at").toInstant();
                    Instant finished = rs.getTimestamp("finished_at").toInstant();
                    recent.computeIfAbsent(rs.getLong("service_id"), k -> new ArrayList<>())
                            .add(WaitEstimator.minutesBetween(called, finished));
                });

        List<ServiceState> services = new ArrayList<>();
        for (FloorDirectory.ActiveService a : directorySetup ? directory.activeServices(centreId)
                : FloorDirectory.readActiveServices(jdbc, centreId)) {
            services.add(new ServiceState(a.id(), a.code(), a.name(), a.prefix(), a.defaultMinutes(),
                    recent.getOrDefault(a.id(), List.of())));
        }
        FloorDirectory.Assignments assignments = directorySetup ? directory.assignments(centreId)
                : FloorDirectory.readAssignments(jdbc, centreId);
        Map<Long, Set<Long>> own = assignments.own();
        Map<Long, Set<Long>> qualified = assignments.qualified();

        // the windows with the ticket each one holds, in one query
        List<WindowState> windows = jdbc.sql("""
                select w.window_id, w.status, w.staff_id, w.current_ticket_id, w.pause_reason, w.pause_until, w.since,
                       t.number as t_number, t.service_id as t_service_id, t.status as t_status, t.called_at as t_called_at,
                       t.serving_at as t_serving_at
                from q_window_state w left join q_ticket t on t.id = w.current_ticket_id and t.called_at is not null
                where w.centre_id = :c order by w.window_id""")
                .param("c", centreId)
                .query((rs, i) -> {
                    long window = rs.getLong("window_id");
                    Long ticket = rs.getObject("current_ticket_id", Long.class);
                    CurrentTicket current = ticket == null || rs.getString("t_number") == null ? null
                            : new CurrentTicket(ticket, rs.getString("t_number"), rs.getLong("t_service_id"),
                                    TicketStatus.valueOf(rs.getString("t_status")),
                                    rs.getTimestamp("t_called_at").toInstant(), instant(rs, "t_serving_at"));
                    return new WindowState(window, WindowStatus.valueOf(rs.getString("status")),
                            rs.getObject("staff_id", Long.class), own.getOrDefault(window, Set.of()),
                            qualified.getOrDefault(window, Set.of()), current,
                            rs.getString("pause_reason"), instant(rs, "pause_until"),
                            rs.getTimestamp("since").toInstant());
                })
                .list();

        List<WaitingTicket> waiting = jdbc.sql("""
                select id, service_id, number, priority_class, queued_at, rank_at from q_ticket
                where centre_id = :c and business_date = :d and status = 'WAITING'""")
                .param("c", centreId).param("d", today)
                .query((rs, i) -> waitingTicket(rs))
                .list();

        return new FloorSnapshot(centreId, now, services, windows, waiting);
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
