package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;
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
    /** Resolved once (looking the bean up on each append cost as much as the event's JSON). */
    private final Supplier<@Nullable LiveHub> hub;
    private volatile @Nullable Boolean postgres;

    JdbcLiveEvents(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<LiveHub> hub) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.hub = SingletonSupplier.of(hub::getIfAvailable);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(long centreId, String type, @Nullable Long windowId, Map<String, Object> data) {
        return appendAll(centreId, List.of(new Draft(type, windowId, data))).getFirst();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> appendAll(long centreId, List<Draft> events) {
        return insert(centreId, events, null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> appendAll(long centreId, List<Draft> events, Insert with) {
        return insert(centreId, events, with);
    }

    private List<Long> insert(long centreId, List<Draft> events, @Nullable Insert with) {
        if (events.isEmpty()) {
            if (with != null) {
                jdbc.sql(with.sql()).params(with.params()).update();
            }
            return List.of();
        }
        Instant now = clock.instant();
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("e_c", centreId);
        params.put("e_at", Timestamp.from(now));
        for (int i = 0; i < events.size(); i++) {
            Draft e = events.get(i);
            e.data().values().forEach(Objects::requireNonNull);
            values.append(i == 0 ? "" : ", ").append("(:e_c, :e_t").append(i).append(", :e_w").append(i)
                    .append(", :e_p").append(i).append(", :e_at)");
            params.put("e_t" + i, e.type());
            params.put("e_w" + i, new SqlParameterValue(Types.BIGINT, e.windowId()));
            params.put("e_p" + i, json.writeValueAsString(e.data()));
        }
        String insert = "insert into q_event (centre_id, event_type, window_id, payload, created_at) values " + values;
        List<Long> ids;
        if (with != null && postgres()) {
            // one round trip: the command's other insert as a data-modifying with
            params.putAll(with.params());
            ids = jdbc.sql("with companion as (" + with.sql() + ") " + insert + " returning id").params(params)
                    .query(Long.class).list();
        } else {
            if (with != null) {
                jdbc.sql(with.sql()).params(with.params()).update();
            }
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(insert).params(params).update(keys, "id");
            ids = new ArrayList<>();
            for (Map<String, Object> row : keys.getKeyList()) {
                ids.add(((Number) row.values().iterator().next()).longValue());
            }
        }
        ids.sort(null); // in the order of the values (ids are taken in that order)
        if (ids.size() != events.size()) {
            throw new IllegalStateException("expected " + events.size() + " event ids, got " + ids.size());
        }
        // the hub learns the ids being written (directly: an event per append through the multicaster costs more than
        // the insert)
        LiveHub h = hub.get();
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

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = Boolean.TRUE.equals(jdbc.sql("select 1").query((rs, n) -> LiveHub.isPostgres(rs.getStatement().getConnection()))
                    .single());
            postgres = p;
        }
        return p;
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
