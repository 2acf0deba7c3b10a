package org.openhall.queue.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Technical settings of the live event streams, {@code openhall.queue.live.*}. Not rules of a regulation: how often
 * the hub looks, how long it waits for an earlier event still being written, how long a stream stays open.
 *
 * @param heartbeat     a comment line on an idle stream this often, so that proxies keep it open and a dead client is
 *                      noticed. Default 15 s.
 * @param streamTimeout a stream is closed after this long; the browser reconnects at once with its Last-Event-ID.
 *                      Default 30 minutes.
 * @param reconnect     the {@code retry:} the browser waits before it reconnects. Default 2 s.
 * @param poll          the hub also reads the event log this often, catching a NOTIFY that was lost while the listener
 *                      reconnected or a node stopped between commit and notify. Default 2 s.
 * @param gapGrace      an event id below a stored one that is not (yet) visible is waited for this long (its transaction
 *                      is still committing on some node) before the hub goes on without it. Default 2 s.
 * @param localGrace    the same for an id whose transaction runs on this node (the hub knows it is still open). Default 10 s.
 * @param lateWindow    an id the hub went on without is still delivered (late) if it appears within this time. Default 60 s.
 * @param replayLimit   the most events replayed to one reconnecting stream; beyond it the display reloads. Default 2000.
 * @param queueLimit    the most events waiting for one slow stream; beyond it the stream is closed (it resumes). Default 5000.
 * @param channel       the PostgreSQL NOTIFY channel; empty: {@code openhall_queue}, or {@code openhall_queue_<schema>}
 *                      when the application runs in a schema other than {@code public}.
 */
@ConfigurationProperties("openhall.queue.live")
public record LiveSettings(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("2s") Duration reconnect,
        @DefaultValue("2s") Duration poll,
        @DefaultValue("2s") Duration gapGrace,
        @DefaultValue("10s") Duration localGrace,
        @DefaultValue("60s") Duration lateWindow,
        @DefaultValue("2000") int replayLimit,
        @DefaultValue("5000") int queueLimit,
        @Nullable String channel) {

    public static LiveSettings defaults() {
        return new LiveSettings(Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60), 2000, 5000,
                null);
    }
}
