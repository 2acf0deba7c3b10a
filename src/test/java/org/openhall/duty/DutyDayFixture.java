package org.openhall.duty;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A centre for the supervisor's day (DUTY-3..DUTY-5): an {@link OrgFixture.Org} with two supervisor accounts that
 * belong to staff records (刘芳 and 赵磊 of 劳动就业中心), and published rosters written straight into {@code duty_roster}
 * / {@code duty_assignment} (the roster pages are not needed to test the day). Shares the queue tests' application
 * context and clock ({@link org.openhall.queue.QueueFixture}: Monday 2026-09-28 10:00 in Asia/Shanghai).
 */
public final class DutyDayFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-09-28, a working day. */
    public static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);

    public record Centre(OrgFixture.Org org, long supervisorA, String supervisorALogin, long supervisorB,
            String supervisorBLogin) {

        public long centreId() {
            return org.centreId();
        }
    }

    private DutyDayFixture() {
    }

    public static Centre create(OrganizationCommands orgCommands, UserAccounts accounts) {
        OrgFixture.Org o = OrgFixture.create(orgCommands, accounts);
        long a = o.employmentStaff()[1];
        long b = o.employmentStaff()[2];
        String la = "t" + o.n() + "-sup-a";
        String lb = "t" + o.n() + "-sup-b";
        accounts.create(new UserAccounts.NewAccount(la, OrgFixture.PASSWORD, "刘芳", Set.of(Role.SUPERVISOR),
                o.centreId(), o.employment(), a));
        accounts.create(new UserAccounts.NewAccount(lb, OrgFixture.PASSWORD, "赵磊", Set.of(Role.SUPERVISOR),
                o.centreId(), o.employment(), b));
        return new Centre(o, a, la, b, lb);
    }

    /** Publishes a roster over the given days naming {@code supervisors[i]} as SUPERVISOR of {@code days[i]}. */
    public static long publish(JdbcClient jdbc, long centreId, LocalDate[] days, long[] supervisors) {
        LocalDate first = days[0];
        LocalDate last = days[days.length - 1];
        Timestamp now = Timestamp.from(Instant.parse("2026-09-20T02:00:00Z"));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into duty_roster (centre_id, first_day, last_day, kind, status, created_at, created_by, "
                        + "published_at, published_by) values (?, ?, ?, 'CYCLE', 'PUBLISHED', ?, 'office', ?, 'office')")
                .params(centreId, first, last, now, now).update(keys, "id");
        long roster = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < days.length; i++) {
            jdbc.sql("insert into duty_assignment (roster_id, centre_id, duty_day, duty_role, staff_id) "
                            + "values (?, ?, ?, 'SUPERVISOR', ?)")
                    .params(roster, centreId, days[i], supervisors[i]).update();
        }
        return roster;
    }

    public static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }
}
