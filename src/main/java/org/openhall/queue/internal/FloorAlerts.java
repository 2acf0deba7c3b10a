package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The floor alerts of a centre ({@code q_alert}, Q-9): raised and cleared by {@link FloorScan}, acknowledged by staff. */
@Component
public class FloorAlerts {

    /** An alert as the floor view shows it. */
    public record Alert(long id, long centreId, AlertKind kind, String subjectKey, String message, Instant raisedAt,
            @Nullable Instant clearedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {

        public boolean open() {
            return clearedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    FloorAlerts(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** The centre's open alerts, oldest first. */
    @Transactional(readOnly = true)
    public List<Alert> open(long centreId) {
        return jdbc.sql("""
                select id, centre_id, kind, subject_key, message, raised_at, cleared_at, acknowledged_by, acknowledged_at
                from q_alert where centre_id = :c and cleared_at is null order by raised_at, id""")
                .param("c", centreId).query(FloorAlerts::row).list();
    }

    /** How many of the centre's alerts were cleared since the given time (the floor view's day count). */
    @Transactional(readOnly = true)
    public int clearedSince(long centreId, Instant since) {
        return jdbc.sql("select count(*) from q_alert where centre_id = :c and cleared_at >= :s")
                .param("c", centreId).param("s", Timestamp.from(since)).query(Integer.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long raise(long centreId, AlertKind kind, String subjectKey, String message, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into q_alert (centre_id, kind, subject_key, message, raised_at)
                values (:c, :k, :s, :m, :at)""")
                .param("c", centreId).param("k", kind.name()).param("s", subjectKey)
                .param("m", message.length() > 300 ? message.substring(0, 300) : message)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void clear(long alertId, Instant at) {
        jdbc.sql("update q_alert set cleared_at = :at where id = :id and cleared_at is null")
                .param("at", Timestamp.from(at)).param("id", alertId).update();
    }

    /**
     * The supervisor has seen the alert (it stays open while its condition lasts). 404 for an alert of another centre or
     * none; 409 when it was acknowledged already.
     */
    @Transactional
    public Alert acknowledge(long centreId, long alertId, String username) {
        Alert before = jdbc.sql("""
                select id, centre_id, kind, subject_key, message, raised_at, cleared_at, acknowledged_by, acknowledged_at
                from q_alert where id = :id and centre_id = :c""")
                .param("id", alertId).param("c", centreId).query(FloorAlerts::row).optional()
                .orElseThrow(() -> DomainException.notFound("queue.floor.alert.notFound", alertId));
        Instant now = clock.instant();
        int n = jdbc.sql("""
                update q_alert set acknowledged_by = :u, acknowledged_at = :at
                where id = :id and acknowledged_at is null""")
                .param("u", username).param("at", Timestamp.from(now)).param("id", alertId).update();
        if (n == 0) {
            throw DomainException.conflict("queue.floor.alert.acknowledged", before.acknowledgedBy());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", before.kind().name());
        after.put("subject", before.subjectKey());
        after.put("acknowledgedBy", username);
        after.put("acknowledgedAt", now.toString());
        audit.record(centreId, "QueueAlert", String.valueOf(alertId), "ACKNOWLEDGE", null, after);
        return new Alert(before.id(), centreId, before.kind(), before.subjectKey(), before.message(), before.raisedAt(),
                before.clearedAt(), username, now);
    }

    private static Alert row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        return new Alert(rs.getLong("id"), rs.getLong("centre_id"), AlertKind.valueOf(rs.getString("kind")),
                rs.getString("subject_key"), rs.getString("message"), rs.getTimestamp("raised_at").toInstant(),
                cleared == null ? null : cleared.toInstant(), rs.getString("acknowledged_by"),
                ack == null ? null : ack.toInstant());
    }
}
