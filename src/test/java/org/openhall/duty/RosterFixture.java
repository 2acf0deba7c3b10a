package org.openhall.duty;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data for rosters: approved leave written as the leave module stores it (att_leave_request, APPROVED). */
public final class RosterFixture {

    private RosterFixture() {
    }

    /** Approved leave of a person over whole days [first, last]. */
    public static long approvedLeave(JdbcClient jdbc, long centreId, long staffId, LocalDate first, LocalDate last,
            String type) {
        return insert(jdbc.sql("insert into att_leave_request (centre_id, staff_id, leave_type, start_at, end_at, days, reason, "
                        + "status, created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?, '家中有事', 'APPROVED', ?, "
                        + "'test', ?)")
                .params(centreId, staffId, type, first.atStartOfDay(), last.plusDays(1).atStartOfDay(),
                        last.toEpochDay() - first.toEpochDay() + 1, java.sql.Timestamp.from(Instant.EPOCH),
                        java.sql.Timestamp.from(Instant.EPOCH))
                );
    }

    static long insert(JdbcClient.StatementSpec insert) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        insert.update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
