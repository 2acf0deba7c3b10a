package org.openhall.attendance;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.openhall.queue.QueueFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attendance test helpers (ATT-1..ATT-5): the queue tests' clock and working day (Monday 2026-09-28, Asia/Shanghai,
 * opening hours 08:30–17:30, staff due 08:20), approved leave written straight into {@code att_leave_request} (the
 * leave pages are not this module's core), and waiting for the console's presence events.
 */
public final class AttendanceFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate DAY = LocalDate.of(2026, 9, 28);

    private AttendanceFixture() {
    }

    public static Instant at(String hhmm) {
        return DAY.atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
    }

    public static void clock(String hhmm) {
        QueueFixture.CLOCK.set(at(hhmm));
    }

    /** Approved leave of a person, from and to local times of {@link #DAY} (or other days). */
    public static long approvedLeave(JdbcClient jdbc, long centreId, long staffId, LocalDateTime from, LocalDateTime to) {
        Timestamp now = Timestamp.from(QueueFixture.CLOCK.instant());
        jdbc.sql("insert into att_leave_request (centre_id, staff_id, leave_type, start_at, end_at, days, reason, status, "
                        + "created_at, created_by, updated_at) values (?, ?, 'PERSONAL', ?, ?, 1, '家中有事', 'APPROVED', ?, 'test', ?)")
                .params(centreId, staffId, Timestamp.valueOf(from), Timestamp.valueOf(to), now, now).update();
        return jdbc.sql("select max(id) from att_leave_request").query(Long.class).single();
    }

    /** Waits until every published event (the console's WindowPresenceChanged) has been handled. */
    public static void awaitListeners(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }
}
