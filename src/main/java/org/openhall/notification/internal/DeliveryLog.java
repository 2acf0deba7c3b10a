package org.openhall.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.notification.Channel;
import org.openhall.notification.DeliveryStatus;
import org.openhall.notification.Inbox;
import org.openhall.shared.jdbc.SeparateTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log ({@code ntf_delivery}) and the in-system messages ({@code ntf_message}). A notification is
 * recorded in a transaction of its own ({@link SeparateTransactions}, on connections of its own: the caller is mostly a
 * listener holding one of the application's), so that a rollback of the caller does not erase the record of a
 * message that went out.
 */
@Repository
public class DeliveryLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SeparateTransactions separate;

    DeliveryLog(JdbcClient jdbc, Clock clock, SeparateTransactions separate) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separate = separate;
    }

    /** A notification to record: where it went and what it said. */
    public record Entry(long centreId, Channel channel, String recipient, String recipientMasked,
            @Nullable String subject, String body) {
    }

    /** Records an e-mail or SMS with its outcome, committed at once; returns the delivery's id. */
    public long record(Entry e, Outcome outcome) {
        return separate.execute(side -> insert(side, e, outcome));
    }

    /** Records an in-system message, committed at once: the delivery (SENT) and the message in its inbox. */
    public long recordMessage(Entry e, @Nullable String link) {
        return separate.execute(side -> {
            Instant now = clock.instant();
            long id = insert(side, e, Outcome.sent(1));
            side.sql("""
                insert into ntf_message (centre_id, delivery_id, inbox, subject, body, link, sent_at)
                values (:c, :d, :i, :s, :b, :l, :t)""")
                .param("c", e.centreId()).param("d", id).param("i", e.recipient()).param("s", e.subject())
                .param("b", e.body()).param("l", link).param("t", Timestamp.from(now)).update();
            return id;
        });
    }

    private long insert(JdbcClient side, Entry e, Outcome o) {
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        side.sql("""
                insert into ntf_delivery (centre_id, channel, recipient, recipient_masked, subject, body, status, detail,
                                          attempts, created_at, sent_at)
                values (:c, :ch, :r, :rm, :s, :b, :st, :d, :a, :t, :sent)""")
                .param("c", e.centreId()).param("ch", e.channel().name()).param("r", e.recipient())
                .param("rm", e.recipientMasked()).param("s", e.subject()).param("b", e.body())
                .param("st", o.status().name()).param("d", o.detail()).param("a", o.attempts())
                .param("t", Timestamp.from(now))
                .param("sent", o.status() == DeliveryStatus.SENT ? Timestamp.from(now) : null)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** After a resend: the new outcome, the attempts added to the earlier ones. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updateAfterResend(long id, Outcome o) {
        boolean sent = o.status() == DeliveryStatus.SENT;
        jdbc.sql("update ntf_delivery set status = :st, detail = :d, attempts = attempts + :a"
                        + (sent ? ", sent_at = :t" : "") + " where id = :id")
                .paramSource(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("st", o.status().name()).addValue("d", o.detail()).addValue("a", o.attempts())
                        .addValue("t", Timestamp.from(clock.instant())).addValue("id", id))
                .update();
    }

    static LoggedDelivery map(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new LoggedDelivery(rs.getLong("id"), rs.getLong("centre_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"), rs.getString("recipient_masked"), rs.getString("subject"), rs.getString("body"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getString("detail"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    public Optional<LoggedDelivery> find(long id) {
        return jdbc.sql("select * from ntf_delivery where id = :id").param("id", id).query(DeliveryLog::map).optional();
    }

    /** Locks the row for a resend (two clicks on 重发 send once). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LoggedDelivery> lock(long id) {
        return jdbc.sql("select * from ntf_delivery where id = :id for update").param("id", id)
                .query(DeliveryLog::map).optional();
    }

    /**
     * What the delivery log page lists, newest first.
     *
     * @param centreId {@code null} = every centre (ADMIN)
     */
    public record Filter(@Nullable Long centreId, @Nullable DeliveryStatus status, @Nullable Channel channel, int limit) {
    }

    public List<LoggedDelivery> list(Filter f) {
        StringBuilder sql = new StringBuilder("select * from ntf_delivery where 1 = 1");
        if (f.centreId() != null) {
            sql.append(" and centre_id = :c");
        }
        if (f.status() != null) {
            sql.append(" and status = :st");
        }
        if (f.channel() != null) {
            sql.append(" and channel = :ch");
        }
        sql.append(" order by created_at desc, id desc limit :lim");
        var spec = jdbc.sql(sql.toString()).param("lim", Math.max(1, f.limit()));
        if (f.centreId() != null) {
            spec = spec.param("c", f.centreId());
        }
        if (f.status() != null) {
            spec = spec.param("st", f.status().name());
        }
        if (f.channel() != null) {
            spec = spec.param("ch", f.channel().name());
        }
        return spec.query(DeliveryLog::map).list();
    }

    // ---- in-system messages ----

    static org.openhall.notification.Message message(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new org.openhall.notification.Message(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("inbox"),
                rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                rs.getTimestamp("sent_at").toInstant(), read == null ? null : read.toInstant());
    }

    /** The messages of an inbox, newest first. */
    public List<org.openhall.notification.Message> messages(Inbox inbox, int limit) {
        return jdbc.sql("select * from ntf_message where inbox = :i order by sent_at desc, id desc limit :lim")
                .param("i", inbox.key()).param("lim", Math.max(1, limit)).query(DeliveryLog::message).list();
    }

    public int unread(Inbox inbox) {
        return jdbc.sql("select count(*) from ntf_message where inbox = :i and read_at is null")
                .param("i", inbox.key()).query(Integer.class).single();
    }

    /** Marks one message of the inbox read; false if it is not in this inbox or was read already. */
    @Transactional
    public boolean markRead(Inbox inbox, long messageId) {
        return jdbc.sql("update ntf_message set read_at = :t where id = :id and inbox = :i and read_at is null")
                .param("t", Timestamp.from(clock.instant())).param("id", messageId).param("i", inbox.key())
                .update() == 1;
    }

    /** Marks every unread message of the inbox read; returns how many. */
    @Transactional
    public int markAllRead(Inbox inbox) {
        return jdbc.sql("update ntf_message set read_at = :t where inbox = :i and read_at is null")
                .param("t", Timestamp.from(clock.instant())).param("i", inbox.key()).update();
    }
}
