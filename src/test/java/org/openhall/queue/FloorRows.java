package org.openhall.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Puts a hall floor into the queue tables of V700 row by row (services, window assignments and states, tickets), so
 * that the floor scan, the estimates and the floor view can be tested on the state the calling code leaves behind.
 */
public final class FloorRows {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final long centreId;

    public FloorRows(JdbcClient jdbc, long centreId) {
        this.jdbc = jdbc;
        this.centreId = centreId;
    }

    public long service(String prefix, String name, int defaultMinutes, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into q_service (centre_id, code, name, prefix, default_minutes, sort_order, active, created_at,
                                       updated_at)
                values (:c, :code, :name, :p, :m, :o, true, :t, :t)""")
                .param("c", centreId).param("code", "SVC-" + prefix).param("name", name).param("p", prefix)
                .param("m", defaultMinutes).param("o", SEQ.incrementAndGet()).param("t", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void assign(long windowId, long serviceId, boolean ownLine) {
        jdbc.sql("insert into q_window_service (window_id, service_id, centre_id, own_line) values (:w, :s, :c, :o)")
                .param("w", windowId).param("s", serviceId).param("c", centreId).param("o", ownLine).update();
    }

    /** Sets the window's state (inserting its row the first time). */
    public void state(long windowId, WindowStatus status, @Nullable Long staffId, @Nullable Long currentTicket,
            @Nullable String pauseReason, @Nullable Instant pauseUntil, Instant since) {
        int n = jdbc.sql("""
                update q_window_state set status = :st, staff_id = :staff, current_ticket_id = :cur,
                  pause_reason = :pr, pause_until = :pu, since = :since, version = version + 1
                where window_id = :w""")
                .param("st", status.name()).param("staff", staffId).param("cur", currentTicket).param("pr", pauseReason)
                .param("pu", pauseUntil == null ? null : Timestamp.from(pauseUntil)).param("since", Timestamp.from(since))
                .param("w", windowId).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into q_window_state (window_id, centre_id, status, staff_id, current_ticket_id, pause_reason,
                                                pause_until, since)
                    values (:w, :c, :st, :staff, :cur, :pr, :pu, :since)""")
                    .param("w", windowId).param("c", centreId).param("st", status.name()).param("staff", staffId)
                    .param("cur", currentTicket).param("pr", pauseReason)
                    .param("pu", pauseUntil == null ? null : Timestamp.from(pauseUntil))
                    .param("since", Timestamp.from(since)).update();
        }
    }

    /** A waiting ticket queued at the given time (business date: that day in Shanghai). */
    public long waiting(long serviceId, String number, Instant queuedAt) {
        return ticket(serviceId, number, TicketStatus.WAITING, queuedAt, null, null, null, null);
    }

    /** A finished ticket: called, served, done. */
    public long done(long serviceId, String number, Instant queuedAt, Instant calledAt, Instant finishedAt,
            long windowId) {
        return ticket(serviceId, number, TicketStatus.DONE, queuedAt, calledAt, calledAt, finishedAt, windowId);
    }

    public long ticket(long serviceId, String number, TicketStatus status, Instant queuedAt, @Nullable Instant calledAt,
            @Nullable Instant servingAt, @Nullable Instant finishedAt, @Nullable Long windowId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int seq = SEQ.incrementAndGet();
        jdbc.sql("""
                insert into q_ticket (centre_id, service_id, business_date, seq, number, public_code, channel,
                                      priority_class, status, issued_at, queued_at, rank_at, window_id, called_at,
                                      serving_at, finished_at)
                values (:c, :s, :d, :seq, :n, :code, 'KIOSK', 'ORDINARY', :st, :q, :q, :q, :w, :ca, :sa, :fa)""")
                .param("c", centreId).param("s", serviceId).param("d", LocalDate.ofInstant(queuedAt, SHANGHAI))
                .param("seq", seq).param("n", number).param("code", "C" + seq).param("st", status.name())
                .param("q", Timestamp.from(queuedAt)).param("w", windowId)
                .param("ca", calledAt == null ? null : Timestamp.from(calledAt))
                .param("sa", servingAt == null ? null : Timestamp.from(servingAt))
                .param("fa", finishedAt == null ? null : Timestamp.from(finishedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setStatus(long ticketId, TicketStatus status, @Nullable Long windowId, @Nullable Instant calledAt) {
        jdbc.sql("update q_ticket set status = :s, window_id = :w, called_at = :c where id = :id")
                .param("s", status.name()).param("w", windowId)
                .param("c", calledAt == null ? null : Timestamp.from(calledAt)).param("id", ticketId).update();
    }
}
