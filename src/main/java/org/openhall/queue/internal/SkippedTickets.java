package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 过号 (skipped) tickets a clerk may still call back: skipped by that staff member today, within
 * {@code openhall.queue.skip-return} of the skip and with a return left ({@code skip-returns-allowed}) — the same
 * conditions {@link QueueDesk#comeBack} checks, which decides. A read for the window console only; it changes nothing.
 */
@Component
public class SkippedTickets {

    private final JdbcClient jdbc;
    private final QueueRules rules;
    private final OrganizationApi organization;
    private final CalendarApi calendar;
    private final Clock clock;

    SkippedTickets(JdbcClient jdbc, QueueRules rules, OrganizationApi organization, CalendarApi calendar, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.organization = organization;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * A skipped ticket that may come back. {@code returnsBy}: the end of its return time; {@code returnsLeft}: how many
     * more times it may come back. The priority is not part of it: the clerk saw it at the call already.
     */
    public record Skipped(long id, String number, long serviceId, String serviceName, Instant skippedAt,
            Instant returnsBy, int returnsLeft) {
    }

    /** The staff member's skipped tickets that may still come back, the most recently skipped first. */
    @Transactional(readOnly = true)
    public List<Skipped> returnable(long centreId, long staffId) {
        Optional<CentreInfo> centre = organization.centre(centreId);
        if (centre.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(calendar.zone(centre.get().code())).toLocalDate();
        return jdbc.sql("""
                select t.id, t.number, t.service_id, s.name, t.skipped_at, t.return_count from q_ticket t
                join q_service s on s.id = t.service_id
                where s.centre_id = :c and t.staff_id = :staff and t.business_date = :d and t.status = 'SKIPPED'
                  and t.skipped_at >= :since and t.return_count < :allowed
                order by t.skipped_at desc, t.id desc""")
                .param("c", centreId).param("staff", staffId).param("d", today)
                .param("since", Timestamp.from(now.minus(rules.skipReturn())))
                .param("allowed", rules.skipReturnsAllowed())
                .query((rs, n) -> {
                    Instant skipped = rs.getTimestamp(5).toInstant();
                    return new Skipped(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), skipped,
                            skipped.plus(rules.skipReturn()), rules.skipReturnsAllowed() - rs.getInt(6));
                })
                .list();
    }

    /** One of {@link #returnable}, if it still is. */
    public Optional<Skipped> returnable(long centreId, long staffId, long ticketId) {
        return returnable(centreId, staffId).stream().filter(s -> s.id() == ticketId).findFirst();
    }
}
