package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@link LiveEvents} on the {@code q_event} table. */
@Component
class JdbcLiveEvents implements LiveEvents {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    /** The events' data as JSON, its serializer resolved once. */
    private final ObjectWriter dataWriter;
    private final Clock clock;
    /** Resolved once (looking the bean up on each append cost as much as the event's JSON). */
    private final Supplier<@Nullable LiveHub> hub;
    private volatile @Nullable Boolean postgres;

    JdbcLiveEvents(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock, ObjectProvider<LiveHub> hub) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.dataWriter = json.writerFor(Map.class);
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
        return insert(centreId, events, List.of()).ids();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Appended appendAll(long centreId, List<Draft> events, List<Write> with) {
        return insert(centreId, events, with);
    }

    private Appended insert(long centreId, List<Draft> events, List<Write> with) {
        int[] rows = new int[with.size()];
        if (events.isEmpty()) {
            runEach(with, rows);
            return new Appended(List.of(), rows);
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        StringBuilder insert = new StringBuilder(
                "insert into q_event (centre_id, event_type, window_id, payload, created_at) values ");
        List<Object> eventArgs = new ArrayList<>(events.size() * 5);
        for (int i = 0; i < events.size(); i++) {
            Draft e = events.get(i);
            e.data().values().forEach(Objects::requireNonNull);
            insert.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
            eventArgs.add(centreId);
            eventArgs.add(e.type());
            eventArgs.add(new SqlParameterValue(Types.BIGINT, e.windowId()));
            eventArgs.add(dataWriter.writeValueAsString(e.data()));
            eventArgs.add(at);
        }
        List<Long> ids = new ArrayList<>(events.size());
        if (!with.isEmpty() && postgres()) {
            // one round trip: the command's other writes as data-modifying withs, each counting the rows it changed;
            // bound by position (each write's statement parsed once per text)
            StringBuilder sql = new StringBuilder("with ");
            StringBuilder counts = new StringBuilder();
            List<Object> args = new ArrayList<>(with.size() * 6 + eventArgs.size());
            for (int i = 0; i < with.size(); i++) {
                Positional w = positional(with.get(i).sql());
                sql.append("w").append(i).append(" as (").append(w.sql()).append(" returning 1), ");
                args.addAll(Arrays.asList(NamedParameterUtils.buildValueArray(w.parsed(),
                        new MapSqlParameterSource(with.get(i).params()), null)));
                counts.append(", (select count(*) from w").append(i).append(")");
            }
            sql.append("ev as (").append(insert).append(" returning id) select id").append(counts).append(" from ev");
            args.addAll(eventArgs);
            template.query(sql.toString(), new ArgumentPreparedStatementSetter(args.toArray()), (ResultSet rs) -> {
                ids.add(rs.getLong(1));
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = rs.getInt(i + 2);
                }
            });
        } else {
            runEach(with, rows);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(insert.toString()).params(eventArgs).update(keys, "id");
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
        return new Appended(ids, rows);
    }

    /** Runs each write as a statement of its own, in order, noting the rows it changed. */
    private void runEach(List<Write> with, int[] rows) {
        for (int i = 0; i < with.size(); i++) {
            rows[i] = jdbc.sql(with.get(i).sql()).params(with.get(i).params()).update();
        }
    }

    /** A write's statement parsed, and with {@code ?} in place of its named parameters. */
    private record Positional(ParsedSql parsed, String sql) {
    }

    /** The writes' statements by text (a few dozen: the desk's writes). */
    private final Map<String, Positional> positionals = new ConcurrentHashMap<>();

    private Positional positional(String sql) {
        Positional done = positionals.get(sql);
        if (done == null) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
            done = new Positional(parsed, NamedParameterUtils.substituteNamedParameters(parsed, null));
            if (positionals.size() < 500) {
                positionals.put(sql, done);
            }
        }
        return done;
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
