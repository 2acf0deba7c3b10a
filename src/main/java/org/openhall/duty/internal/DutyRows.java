package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Small JDBC helpers of the leaders' and incidents' tables (DUTY-6, DUTY-7). */
final class DutyRows {

    private DutyRows() {
    }

    /** Runs an insert and returns the generated id. */
    static long insert(JdbcClient.StatementSpec insert) {
        var keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        Number n = keys.getKeyAs(Number.class);
        if (n == null) {
            n = keys.getKey();
        }
        if (n == null) {
            throw new IllegalStateException("no generated key");
        }
        return n.longValue();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        return rs.getTimestamp(col).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
