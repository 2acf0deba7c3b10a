package org.openhall.queue.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final Clock clock;
    /** Resolved once (looking the bean up on each append cost as much as the event's JSON). */
    private final Supplier<@Nullable LiveHub> hub;
    private volatile @Nullable Boolean postgres;

    JdbcLiveEvents(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock, ObjectProvider<LiveHub> hub) {
        this.jdbc = jdbc;
        this.template = template;
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
            for (int i = 0; i < with.size(); i++) {
                rows[i] = jdbc.sql(with.get(i).sql()).params(with.get(i).params()).update();
            }
            return new Appended(List.of(), rows);
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
        List<Long> ids = new ArrayList<>(events.size());
        if (!with.isEmpty() && postgres()) {
            // one round trip: the command's other writes as data-modifying withs, each counting the rows it changed;
            // bound by position (the named parameters of each write resolved once per statement text)
            StringBuilder sql = new StringBuilder("with ");
            StringBuilder counts = new StringBuilder();
            List<Object> args = new ArrayList<>(with.size() * 6 + events.size() * 5);
            for (int i = 0; i < with.size(); i++) {
                Positional w = positional(with.get(i).sql());
                sql.append("w").append(i).append(" as (").append(w.sql()).append(" returning 1), ");
                for (String name : w.names()) {
                    if (!with.get(i).params().containsKey(name)) {
                        throw new IllegalArgumentException("no value for :" + name + " in " + with.get(i).sql());
                    }
                    args.add(with.get(i).params().get(name));
                }
                counts.append(", (select count(*) from w").append(i).append(")");
            }
            sql.append("ev as (insert into q_event (centre_id, event_type, window_id, payload, created_at) values ");
            Timestamp at = Timestamp.from(now);
            for (int i = 0; i < events.size(); i++) {
                Draft e = events.get(i);
                sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
                args.add(centreId);
                args.add(e.type());
                args.add(new SqlParameterValue(Types.BIGINT, e.windowId()));
                args.add(params.get("e_p" + i));
                args.add(at);
            }
            sql.append(" returning id) select id").append(counts).append(" from ev");
            template.query(con -> {
                PreparedStatement ps = con.prepareStatement(sql.toString());
                for (int i = 0; i < args.size(); i++) {
                    bind(ps, i + 1, args.get(i));
                }
                return ps;
            }, (ResultSet rs) -> {
                ids.add(rs.getLong(1));
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = rs.getInt(i + 2);
                }
            });
        } else {
            for (int i = 0; i < with.size(); i++) {
                rows[i] = jdbc.sql(with.get(i).sql()).params(with.get(i).params()).update();
            }
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(insert).params(params).update(keys, "id");
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

    /** A statement with named parameters as JDBC has it: {@code ?} in their places, and their names in order. */
    private record Positional(String sql, List<String> names) {
    }

    private static final Pattern PARAMETER = Pattern.compile("'[^']*'|(?<![:\\w]):([A-Za-z_]\\w*)");
    /** The writes' statements by text (a few dozen: the desk's writes). */
    private final Map<String, Positional> positionals = new ConcurrentHashMap<>();

    private Positional positional(String sql) {
        Positional done = positionals.get(sql);
        if (done == null) {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(sql);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (m.group(1) == null) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group())); // a literal stays as it is
                } else {
                    names.add(m.group(1));
                    m.appendReplacement(out, "?");
                }
            }
            m.appendTail(out);
            done = new Positional(out.toString(), List.copyOf(names));
            if (positionals.size() < 500) {
                positionals.put(sql, done);
            }
        }
        return done;
    }

    /** A value bound as {@link NamedParameterJdbcTemplate} would: typed nulls, the driver's types otherwise. */
    private static void bind(PreparedStatement ps, int i, @Nullable Object v) throws SQLException {
        if (v instanceof SqlParameterValue typed) {
            if (typed.getValue() == null) {
                ps.setNull(i, typed.getSqlType());
            } else {
                ps.setObject(i, typed.getValue(), typed.getSqlType());
            }
        } else if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof String t) {
            ps.setString(i, t);
        } else if (v instanceof Timestamp t) {
            ps.setTimestamp(i, t);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else {
            ps.setObject(i, v);
        }
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
