package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link LiveEvents} on the {@code q_event} table. */
@Component
class JdbcLiveEvents implements LiveEvents {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<LiveHub> hub;

    JdbcLiveEvents(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<LiveHub> hub) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.hub = hub;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(long centreId, String type, @Nullable Long windowId, Map<String, Object> data) {
        return appendAll(centreId, List.of(new Draft(type, windowId, data))).getFirst();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> appendAll(long centreId, List<Draft> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder("insert into q_event (centre_id, event_type, window_id, payload, created_at) values ");
        Map<String, Object> params = new HashMap<>();
        params.put("c", centreId);
        params.put("at", Timestamp.from(now));
        for (int i = 0; i < events.size(); i++) {
            Draft e = events.get(i);
            e.data().values().forEach(Objects::requireNonNull);
            sql.append(i == 0 ? "" : ", ").append("(:c, :t").append(i).append(", :w").append(i).append(", :p").append(i)
                    .append(", :at)");
            params.put("t" + i, e.type());
            params.put("w" + i, new SqlParameterValue(Types.BIGINT, e.windowId()));
            params.put("p" + i, json.writeValueAsString(e.data()));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql.toString()).params(params).update(keys, "id");
        List<Map<String, Object>> rows = keys.getKeyList();
        if (rows.size() != events.size()) {
            throw new IllegalStateException("expected " + events.size() + " event ids, got " + rows.size());
        }
        List<Long> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        // the hub learns the ids being written (directly: an event per append through the multicaster costs more than
        // the insert)
        LiveHub h = hub.getIfAvailable();
        for (int i = 0; i < ids.size(); i++) {
            Draft e = events.get(i);
            LiveEventAppended appended = new LiveEventAppended(
                    new LiveEvent(ids.get(i), centreId, e.type(), e.windowId(), e.data(), now));
            if (h != null) {
                h.appended(appended);
            }
        }
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public List<LiveEvent> since(long centreId, long afterId, int limit) {
        return jdbc.sql("""
                select id, centre_id, event_type, window_id, payload, created_at from q_event
                where centre_id = :c and id > :after order by id limit :n""")
                .param("c", centreId).param("after", afterId).param("n", limit)
                .query((rs, i) -> new LiveEvent(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("event_type"),
                        (Long) rs.getObject("window_id", Long.class), json.readValue(rs.getString("payload"), MAP),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long lastId(long centreId) {
        return jdbc.sql("select coalesce(max(id), 0) from q_event where centre_id = :c").param("c", centreId)
                .query(Long.class).single();
    }
}
