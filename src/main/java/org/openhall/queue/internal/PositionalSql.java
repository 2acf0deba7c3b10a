package org.openhall.queue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * A statement with named parameters ({@code :name}) turned once into one with {@code ?}s, and the names in the order of
 * the {@code ?}s — for the floor's statements that run for every ticket. Named parameters through {@code JdbcClient}
 * parse and substitute on every call, which also makes a new statement text each time that the driver's statement cache
 * hashes and compares in full; these keep one text. Values are bound as they are given (a nullable one as a typed
 * {@link SqlParameterValue}); collections are not expanded.
 */
record PositionalSql(String sql, List<String> names) {

    /** The statements by their named text (the floor's writes: a few dozen). */
    private static final Map<String, PositionalSql> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 500;

    /** The statement for a named text, parsed once per text. */
    static PositionalSql of(String named) {
        PositionalSql done = PARSED.get(named);
        if (done == null) {
            done = parse(named);
            if (PARSED.size() < MAX_PARSED) {
                PARSED.put(named, done);
            }
        }
        return done;
    }

    private static PositionalSql parse(String named) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
        // each parameter's name in the place of its value: the names in the order of the placeholders
        Object[] order = NamedParameterUtils.buildValueArray(parsed, new AbstractSqlParameterSource() {
            @Override
            public boolean hasValue(String paramName) {
                return true;
            }

            @Override
            public Object getValue(String paramName) {
                return paramName;
            }
        }, null);
        List<String> names = new ArrayList<>(order.length);
        for (Object name : order) {
            names.add((String) name);
        }
        return new PositionalSql(NamedParameterUtils.substituteNamedParameters(parsed, null), List.copyOf(names));
    }

    /** Adds the values of the parameters, in the order of the {@code ?}s. */
    void bind(Map<String, ?> params, List<Object> args) {
        for (String name : names) {
            Object value = params.get(name);
            if (value == null && !params.containsKey(name)) {
                throw new IllegalArgumentException("no value for the parameter :" + name + " of " + sql);
            }
            args.add(value);
        }
    }

    /** The values of the parameters in the order of the {@code ?}s. */
    Object[] args(Map<String, ?> params) {
        List<Object> args = new ArrayList<>(names.size());
        bind(params, args);
        return args.toArray();
    }
}
