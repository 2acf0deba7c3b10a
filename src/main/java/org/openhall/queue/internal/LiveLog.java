package org.openhall.queue.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.jdbc.SidePool;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of the {@code q_event} log for the live hub and the displays: across all centres in id order (the hub keeps
 * one watermark per node), by id (late arrivals), after a stream's last event (replay), and the latest events of a kind
 * (what a display shows on opening).
 *
 * <p>The log is read over a little pool of its own ({@link SidePool}, {@value #CONNECTIONS} connections; also the one
 * {@link PgLiveBridge} listens and notifies on), not the application's pool: under a full load
 * of desk commands every connection of that pool is taken and a line of commands waits for the next, and the displays
 * must not wait in that line. Without a Hikari pool underneath (never in the application) it reads over the given one.
 */
@Component
class LiveLog implements DisposableBean {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, centre_id, event_type, window_id, payload, created_at";

    /** The LISTEN connection of the bridge, and one for the hub's reads and the bridge's NOTIFYs. */
    static final int CONNECTIONS = 2;

    /** An event as stored: its data still the JSON text the streams send as they are. */
    record Stored(long id, long centreId, String type, String payload) {
    }

    private final @Nullable HikariDataSource pool;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    LiveLog(DataSource dataSource, JsonMapper json) {
        this.pool = SidePool.copyOf(dataSource, "live", CONNECTIONS);
        this.dataSource = pool != null ? pool : dataSource;
        this.jdbc = JdbcClient.create(this.dataSource);
        this.json = json;
    }

    /** Where the hub and the bridge between nodes take their connections. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Events of every centre after {@code afterId}, oldest first. */
    List<Stored> after(long afterId, int limit) {
        return jdbc.sql("select id, centre_id, event_type, payload from q_event where id > :after order by id limit :n")
                .param("after", afterId).param("n", limit).query(LiveLog::stored).list();
    }

    /** The centre's events after {@code afterId}, oldest first (a stream's replay). */
    List<Stored> since(long centreId, long afterId, int limit) {
        return jdbc.sql("""
                select id, centre_id, event_type, payload from q_event
                where centre_id = :c and id > :after order by id limit :n""")
                .param("c", centreId).param("after", afterId).param("n", limit).query(LiveLog::stored).list();
    }

    /** The events with these ids that are visible now, oldest first. */
    List<Stored> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, centre_id, event_type, payload from q_event where id in (:ids) order by id")
                .param("ids", ids).query(LiveLog::stored).list();
    }

    long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from q_event").query(Long.class).single();
    }

    /**
     * The centre's latest calls ({@code ticket.called}), newest first: what a hall display shows on opening. The type is
     * written into the statement, so that PostgreSQL reads them along the partial index of the calls
     * ({@code q_event_called_ix}, V775) whatever plan it caches.
     */
    List<LiveEvent> latestCalls(long centreId, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from q_event where centre_id = :c and event_type = 'ticket.called' order by id desc limit :n")
                .param("c", centreId).param("n", limit).query(this::row).list();
    }

    private static Stored stored(ResultSet rs, int i) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("event_type"), rs.getString("payload"));
    }

    private LiveEvent row(ResultSet rs, int i) throws SQLException {
        return new LiveEvent(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("event_type"),
                rs.getObject("window_id", Long.class), json.readValue(rs.getString("payload"), MAP),
                rs.getTimestamp("created_at").toInstant());
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
