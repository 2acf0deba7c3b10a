package org.openhall.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.RatingLevel;
import org.openhall.queue.ServiceRated;
import org.openhall.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Q-8, FB-1: the applicant rates the service just finished at a window on that window's rating pad. Only the window's
 * latest finished ticket can be rated, only within {@link QueuePageRules#ratingTimeLimit()} and before the window calls
 * its next ticket, and only once: {@code q_rating} has one row per ticket (unique constraint, conditional insert), a
 * second attempt is refused with 该次服务已评价. The rating is published as {@link ServiceRated} for the feedback work.
 * Staff never learn who rated them: the rating keeps no applicant data and the pad shows no staff view of it.
 */
@Service
public class Ratings {

    /** Where a rating came from (q_rating.source). */
    public enum Source { PAD, API }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final QueuePageRules rules;
    private final ApplicationEventPublisher events;

    Ratings(JdbcClient jdbc, Clock clock, QueuePageRules rules, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.events = events;
    }

    /** The ticket a window's pad asks the applicant to rate now, if any. */
    @Transactional(readOnly = true)
    public Optional<Pending> pending(long windowId) {
        return latestFinished(windowId).filter(t -> rateableNow(t) && !rated(t.ticketId()))
                .map(t -> new Pending(t.ticketId(), t.number(), t.serviceId(), t.finishedAt()));
    }

    /**
     * Stores the rating of a ticket from the pad of {@code windowId}.
     *
     * @throws DomainException 404 unknown ticket / not finished at this window, 409 already rated or no longer
     *         rateable, 400 bad reasons or comment
     */
    @Transactional
    public Rated rate(long windowId, long ticketId, RatingLevel level, List<String> reasons, @Nullable String comment,
            Source source) {
        Finished ticket = finished(ticketId).filter(t -> t.windowId() == windowId)
                .orElseThrow(() -> DomainException.notFound("queue.pages.rating.unknownTicket"));
        if (rated(ticketId)) {
            throw DomainException.conflict("queue.pages.rating.already");
        }
        Optional<Finished> latest = latestFinished(windowId);
        if (latest.isEmpty() || latest.get().ticketId() != ticketId || !rateableNow(ticket)) {
            throw DomainException.conflict("queue.pages.rating.expired");
        }
        List<String> cleanReasons = reasons(level, reasons);
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (cleanComment != null && cleanComment.length() > 500) {
            throw DomainException.invalid("comment", "queue.pages.rating.commentTooLong", 500);
        }
        Instant now = clock.instant();
        int inserted;
        try {
            // conditional insert: a concurrent second rating of the ticket inserts nothing (the transaction stays usable)
            inserted = jdbc.sql("""
                    insert into q_rating (centre_id, ticket_id, window_id, staff_id, service_id, rating, reasons, comment,
                        source, rated_at)
                    values (:c, :t, :w, :s, :svc, :r, :reasons, :comment, :source, :at)
                    on conflict do nothing""")
                    .param("c", ticket.centreId()).param("t", ticketId).param("w", windowId)
                    .param("s", ticket.staffId()).param("svc", ticket.serviceId()).param("r", level.name())
                    .param("reasons", cleanReasons.isEmpty() ? null : String.join(",", cleanReasons))
                    .param("comment", cleanComment).param("source", source.name()).param("at", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            inserted = 0;
        }
        if (inserted == 0) {
            throw DomainException.conflict("queue.pages.rating.already");
        }
        long id = jdbc.sql("select id from q_rating where ticket_id = :t").param("t", ticketId).query(Long.class).single();
        events.publishEvent(new ServiceRated(ticket.centreId(), id, ticketId, windowId, ticket.staffId(),
                ticket.serviceId(), level, now));
        return new Rated(id, ticketId, ticket.number(), level, now);
    }

    /** The reasons offered with a bad rating (FB-1), in order. */
    public List<String> reasonChoices() {
        return rules.ratingReasons();
    }

    private List<String> reasons(RatingLevel level, List<String> given) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(given.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
        if (out.isEmpty()) {
            return out;
        }
        if (!level.isBad()) {
            throw DomainException.invalid("reasons", "queue.pages.rating.reasonsOnlyBad");
        }
        for (String r : out) {
            if (!rules.ratingReasons().contains(r)) {
                throw DomainException.invalid("reasons", "queue.pages.rating.unknownReason", r);
            }
        }
        if (String.join(",", out).length() > 300) {
            throw DomainException.invalid("reasons", "queue.pages.rating.unknownReason", out.getLast());
        }
        return out;
    }

    private boolean rateableNow(Finished t) {
        Instant now = clock.instant();
        if (t.finishedAt().plus(rules.ratingTimeLimit()).isBefore(now)) {
            return false;
        }
        // the window moved on: a ticket called there after this one finished belongs to the next applicant. Such a
        // ticket is still at the window (called, serving, or skipped since that call) or was finished after that call,
        // so after :f too (a ticket back in the queue no longer names the window). Each part reads a few rows of its
        // index (window_ix, finished_ix; partial on PostgreSQL, V771), not every ticket the window ever called.
        Integer later = jdbc.sql("""
                select (select count(*) from q_ticket where window_id = :w and id <> :t
                        and status in ('CALLED', 'SERVING', 'SKIPPED') and (status <> 'SKIPPED' or called_at > :f))
                     + (select count(*) from q_ticket where window_id = :w and id <> :t
                        and finished_at > :f and called_at > :f)""")
                .param("w", t.windowId()).param("t", t.ticketId()).param("f", Timestamp.from(t.finishedAt()))
                .query(Integer.class).single();
        return later == 0;
    }

    private boolean rated(long ticketId) {
        return jdbc.sql("select count(*) from q_rating where ticket_id = :t").param("t", ticketId)
                .query(Integer.class).single() > 0;
    }

    private Optional<Finished> latestFinished(long windowId) {
        return jdbc.sql("""
                select id, centre_id, service_id, number, window_id, staff_id, finished_at from q_ticket
                where window_id = :w and status = 'DONE' and finished_at is not null
                order by finished_at desc, id desc limit 1""")
                .param("w", windowId).query(Ratings::row).optional();
    }

    private Optional<Finished> finished(long ticketId) {
        return jdbc.sql("""
                select id, centre_id, service_id, number, window_id, staff_id, finished_at from q_ticket
                where id = :t and status = 'DONE' and finished_at is not null and window_id is not null""")
                .param("t", ticketId).query(Ratings::row).optional();
    }

    private static Finished row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Finished(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("service_id"), rs.getString("number"),
                rs.getLong("window_id"), rs.getObject("staff_id", Long.class), rs.getTimestamp("finished_at").toInstant());
    }

    private record Finished(long ticketId, long centreId, long serviceId, String number, long windowId,
            @Nullable Long staffId, Instant finishedAt) {
    }

    /** The ticket to rate: its number is shown on the pad so that the applicant knows what they rate. */
    public record Pending(long ticketId, String number, long serviceId, Instant finishedAt) {
    }

    public record Rated(long ratingId, long ticketId, String number, RatingLevel level, Instant ratedAt) {
    }
}
