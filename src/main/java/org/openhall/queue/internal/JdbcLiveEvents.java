package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher publisher;

    JdbcLiveEvents(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(long centreId, String type, @Nullable Long windowId, Map<String, Object> data) {
        data.values().forEach(Objects::requireNonNull);
        Instant now = clock.instant();
        String payload = json.writeValueAsString(data);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into q_event (centre_id, event_type, window_id, payload, created_at)
                values (:c, :t, :w, :p, :at)""")
                .param("c", centreId).param("t", type).param("w", windowId).param("p", payload)
                .param("at", Timestamp.from(now)).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        publisher.publishEvent(new LiveEventAppended(new LiveEvent(id, centreId, type, windowId, data, now)));
        return id;
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
