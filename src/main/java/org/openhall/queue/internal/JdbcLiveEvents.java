package org.openhall.queue.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
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
        List<Object> eventArgs = new ArrayList<>(events.size() * 5);
        String[] payloads = bindEvents(centreId, events, at, eventArgs);
        List<Long> ids = new ArrayList<>(events.size());
        if (!with.isEmpty() && postgres()) {
            // one round trip: the command's other writes as data-modifying withs, each counting the rows it changed;
            // bound by position (each write's statement parsed once per text)
            List<Object> args = new ArrayList<>(with.size() * 6 + eventArgs.size());
            List<PositionalSql> writes = bindWrites(with, args);
            args.addAll(eventArgs);
            template.query(kept(statements, new Shape(writes, events.size()), JdbcLiveEvents::statement),
                    new ArgumentPreparedStatementSetter(args.toArray()),
                    (ResultSet rs) -> {
                        ids.add(rs.getLong(1));
                        for (int i = 0; i < rows.length; i++) {
                            rows[i] = rs.getInt(i + 2);
                        }
                    });
        } else {
            runEach(with, rows);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(eventInsert(events.size())).params(eventArgs).update(keys, "id");
            for (Map<String, Object> row : keys.getKeyList()) {
                ids.add(((Number) row.values().iterator().next()).longValue());
            }
        }
        ids.sort(null); // in the order of the values (ids are taken in that order)
        tellHub(centreId, events, ids, payloads);
        return new Appended(ids, rows);
    }

    @Override
    public boolean guardedWrites() {
        return postgres();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Optional<T> appendIf(long centreId, Write guard, String select, RowMapper<T> mapper, List<Draft> events,
            List<Write> with) {
        if (!postgres()) {
            throw new UnsupportedOperationException("guarded writes need PostgreSQL");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a guarded write goes with its events");
        }
        Timestamp at = Timestamp.from(clock.instant());
        List<Object> args = new ArrayList<>();
        PositionalSql g = PositionalSql.of(guard.sql());
        g.bind(guard.params(), args);
        List<PositionalSql> writes = bindWrites(with, args);
        String[] payloads = bindEvents(centreId, events, at, args);
        PositionalSql last = PositionalSql.of(select);
        last.bind(guard.params(), args);
        String sql = kept(guardedStatements, new Guarded(g, writes, events.size(), last), JdbcLiveEvents::guarded);
        List<T> mapped = new ArrayList<>(1);
        List<Long> ids = new ArrayList<>(events.size());
        template.query(sql, new ArgumentPreparedStatementSetter(args.toArray()), (ResultSet rs) -> {
            if (mapped.isEmpty()) {
                mapped.add(mapper.mapRow(rs, 0));
                Object[] written = (Object[]) rs.getArray("ev_ids").getArray();
                for (Object id : written) {
                    ids.add(((Number) id).longValue());
                }
            }
        });
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        tellHub(centreId, events, ids, payloads);
        return Optional.of(mapped.getFirst());
    }

    /**
     * The hub learns the events being written (directly: an event per append through the multicaster costs more than
     * the insert), and delivers them as stored once committed.
     */
    private void tellHub(long centreId, List<Draft> events, List<Long> ids, String[] payloads) {
        if (ids.size() != events.size()) {
            throw new IllegalStateException("expected " + events.size() + " event ids, got " + ids.size());
        }
        LiveHub h = hub.get();
        if (h != null) {
            for (int i = 0; i < ids.size(); i++) {
                h.appended(ids.get(i), centreId, events.get(i).type(), payloads[i]);
            }
        }
    }

    /** The writes' statements, their values added to {@code args} in order. */
    private static List<PositionalSql> bindWrites(List<Write> with, List<Object> args) {
        List<PositionalSql> writes = new ArrayList<>(with.size());
        for (Write w : with) {
            PositionalSql p = PositionalSql.of(w.sql());
            writes.add(p);
            p.bind(w.params(), args);
        }
        return writes;
    }

    /** The values of the events' rows added to {@code args} (five each); returns the data of each as JSON. */
    private String[] bindEvents(long centreId, List<Draft> events, Timestamp at, List<Object> args) {
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Draft e = events.get(i);
            e.data().values().forEach(Objects::requireNonNull);
            payloads[i] = dataWriter.writeValueAsString(e.data());
            args.add(centreId);
            args.add(e.type());
            args.add(new SqlParameterValue(Types.BIGINT, e.windowId()));
            args.add(payloads[i]);
            args.add(at);
        }
        return payloads;
    }

    /** The shape of a guarded round trip; its statement is kept per shape. */
    private record Guarded(PositionalSql guard, List<PositionalSql> writes, int events, PositionalSql select) {
    }

    private final Map<Guarded, String> guardedStatements = new ConcurrentHashMap<>();

    private static String guarded(Guarded shape) {
        StringBuilder sql = new StringBuilder("with g as (").append(shape.guard().sql()).append("), ");
        for (int i = 0; i < shape.writes().size(); i++) {
            sql.append("w").append(i).append(" as (").append(shape.writes().get(i).sql()).append(" returning 1), ");
        }
        sql.append("ev as (insert into q_event (centre_id, event_type, window_id, payload, created_at) ");
        for (int i = 0; i < shape.events(); i++) {
            sql.append(i == 0 ? "" : " union all ").append("select ?, ?, ?, ?, ? from g");
        }
        // the writes are evaluated (a data-modifying with runs whether read or not); the events' ids in the order taken
        sql.append(" returning id) select x.*, (select array_agg(id order by id) from ev) as ev_ids from (")
                .append(shape.select().sql()).append(") x");
        return sql.toString();
    }

    /** Runs each write as a statement of its own, in order, noting the rows it changed. */
    private void runEach(List<Write> with, int[] rows) {
        for (int i = 0; i < with.size(); i++) {
            rows[i] = jdbc.sql(with.get(i).sql()).params(with.get(i).params()).update();
        }
    }

    /**
     * The shape of a command's round trip: its writes' statements and the number of events. The statement made of them
     * is kept per shape (a few dozen), one text each time, which the driver finds in its statement cache at once.
     */
    private record Shape(List<PositionalSql> writes, int events) {
    }

    private final Map<Shape, String> statements = new ConcurrentHashMap<>();

    /** A round trip's statement, kept per shape (a few dozen; beyond 500 shapes made each time). */
    private static <K> String kept(Map<K, String> kept, K shape, Function<K, String> make) {
        String done = kept.get(shape);
        if (done == null) {
            done = make.apply(shape);
            if (kept.size() < 500) {
                kept.put(shape, done);
            }
        }
        return done;
    }

    private static String statement(Shape shape) {
        StringBuilder sql = new StringBuilder("with ");
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < shape.writes().size(); i++) {
            sql.append("w").append(i).append(" as (").append(shape.writes().get(i).sql()).append(" returning 1), ");
            counts.append(", (select count(*) from w").append(i).append(")");
        }
        sql.append("ev as (").append(eventInsert(shape.events())).append(" returning id) select id").append(counts)
                .append(" from ev");
        return sql.toString();
    }

    private static String eventInsert(int events) {
        StringBuilder insert = new StringBuilder(
                "insert into q_event (centre_id, event_type, window_id, payload, created_at) values ");
        for (int i = 0; i < events; i++) {
            insert.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        }
        return insert.toString();
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
