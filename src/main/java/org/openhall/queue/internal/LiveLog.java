package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of the {@code q_event} log for the live hub and the displays: across all centres in id order (the hub keeps
 * one watermark per node), by id (late arrivals), and the latest events of a kind (what a display shows on opening).
 */
@Component
class LiveLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, centre_id, event_type, window_id, payload, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LiveLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Events of every centre after {@code afterId}, oldest first. */
    List<LiveEvent> after(long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from q_event where id > :after order by id limit :n")
                .param("after", afterId).param("n", limit).query(this::row).list();
    }

    /** The events with these ids that are visible now, oldest first. */
    List<LiveEvent> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from q_event where id in (:ids) order by id").param("ids", ids)
                .query(this::row).list();
    }

    long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from q_event").query(Long.class).single();
    }

    /** The centre's latest events of one type, newest first. */
    List<LiveEvent> latest(long centreId, String type, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from q_event where centre_id = :c and event_type = :t order by id desc limit :n")
                .param("c", centreId).param("t", type).param("n", limit).query(this::row).list();
    }

    private LiveEvent row(ResultSet rs, int i) throws SQLException {
        return new LiveEvent(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("event_type"),
                rs.getObject("window_id", Long.class), json.readValue(rs.getString("payload"), MAP),
                rs.getTimestamp("created_at").toInstant());
    }
}
