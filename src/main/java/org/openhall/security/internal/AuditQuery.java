package org.openhall.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail for the ADMIN's audit page, newest first. */
@Component
public class AuditQuery {

    public record Entry(long id, Instant occurredAt, String actor, @Nullable Long centreId, String entityType,
            String entityId, String action, @Nullable String before, @Nullable String after) {
    }

    public record Filter(@Nullable String entityType, @Nullable String actor, @Nullable String entityId,
            @Nullable Instant from, @Nullable Instant to) {
    }

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> find(Filter f, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select * from audit_log where 1=1");
        List<Object> params = new ArrayList<>();
        if (f.entityType() != null && !f.entityType().isBlank()) {
            sql.append(" and entity_type = ?");
            params.add(f.entityType());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" and actor = ?");
            params.add(f.actor());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            sql.append(" and entity_id = ?");
            params.add(f.entityId());
        }
        if (f.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        sql.append(" order by id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getObject("centre_id", Long.class),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                rs.getString("before_state"), rs.getString("after_state"))).list();
    }

    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from audit_log order by entity_type").query(String.class).list();
    }
}
