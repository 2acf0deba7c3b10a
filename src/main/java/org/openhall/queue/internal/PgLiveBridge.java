package org.openhall.queue.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live events between the nodes of one PostgreSQL database (Q-4, multi-node): after a command's commit this node sends
 * {@code pg_notify(channel, '<centreId>:<eventId>')} (a rolled-back append as {@code '<centreId>:<eventId>:void'}),
 * batched on one thread so that the commands' own commits never wait on PostgreSQL's notify queue lock; one connection
 * held by a listener thread runs {@code LISTEN channel} and polls {@link PGConnection#getNotifications(int)}, waking the
 * {@link LiveHub}, which reads the events themselves from the log. The listener reconnects after any failure and then
 * has the hub read the log once more, so nothing sent meanwhile is lost (the hub's poll covers it too).
 */
final class PgLiveBridge implements LiveHub.LiveBridge {

    private static final Logger log = LoggerFactory.getLogger(PgLiveBridge.class);

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1). */
    private static final int MAX_CHANNEL = 63;

    /** How often the listening connection is checked. */
    private static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DataSource dataSource;
    private final String channel;
    private final LiveHub hub;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running = true;
    private final Thread notifier;
    private final Thread listener;
    private volatile @Nullable Connection listening;

    private PgLiveBridge(DataSource dataSource, String channel, LiveHub hub) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.hub = hub;
        this.notifier = Thread.ofPlatform().daemon().name("openhall-live-notify").unstarted(this::sendLoop);
        this.listener = Thread.ofPlatform().daemon().name("openhall-live-listen").unstarted(this::listenLoop);
    }

    /** A bridge on PostgreSQL, nothing on H2 (a single node). */
    static LiveHub.LiveBridge startIfPostgres(DataSource dataSource, @Nullable String configured, LiveHub hub) {
        String schema;
        try (Connection c = dataSource.getConnection()) {
            if (!LiveHub.isPostgres(c)) {
                return LiveHub.LiveBridge.NONE;
            }
            schema = c.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("Live events: cannot read the database product", e);
        }
        PgLiveBridge bridge = new PgLiveBridge(dataSource, channel(configured, schema), hub);
        bridge.notifier.start();
        bridge.listener.start();
        log.info("Live events between nodes over PostgreSQL LISTEN/NOTIFY on channel {}", bridge.channel);
        return bridge;
    }

    /** {@code openhall_queue}, or {@code openhall_queue_<schema>} so that installations in other schemas stay apart. */
    static String channel(@Nullable String configured, @Nullable String schema) {
        String name;
        if (configured != null && !configured.isBlank()) {
            name = configured.trim();
        } else if (schema == null || schema.isBlank() || "public".equals(schema)) {
            name = "openhall_queue";
        } else {
            name = "openhall_queue_" + schema;
        }
        return name.length() > MAX_CHANNEL ? name.substring(0, MAX_CHANNEL) : name;
    }

    String channel() {
        return channel;
    }

    /** Whether the LISTEN connection is up (NOTIFYs sent from now on reach this node). */
    boolean listening() {
        return listening != null;
    }

    @Override
    public void committed(long centreId, long eventId) {
        send(centreId + ":" + eventId);
    }

    @Override
    public void rolledBack(long centreId, long eventId) {
        send(centreId + ":" + eventId + ":void");
    }

    private void send(String payload) {
        if (!outbox.offer(payload)) {
            log.warn("Live events: notify queue full, other nodes will see event {} by their poll", payload);
        }
    }

    @Override
    public void stop() {
        running = false;
        notifier.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(listening);
    }

    // ---- sending ---------------------------------------------------------------------------------------------------

    private void sendLoop() {
        List<String> batch = new ArrayList<>();
        while (running) {
            try {
                String first = outbox.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, 999);
                sendBatch(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
        // what is left when stopping: one last try
        List<String> rest = new ArrayList<>();
        outbox.drainTo(rest);
        if (!rest.isEmpty()) {
            sendBatch(rest);
        }
    }

    private void sendBatch(List<String> payloads) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select pg_notify(?, p) from unnest(?) as t(p)")) {
                Array array = c.createArrayOf("text", payloads.toArray());
                ps.setString(1, channel);
                ps.setArray(2, array);
                ps.executeQuery().close();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return;
            } catch (SQLException e) {
                if (attempt == 3 || !running) {
                    log.warn("Live events: NOTIFY of {} event(s) failed, other nodes will see them by their poll: {}",
                            payloads.size(), e.toString());
                    return;
                }
                sleep(100L * attempt);
            }
        }
    }

    // ---- listening -------------------------------------------------------------------------------------------------

    private void listenLoop() {
        int failures = 0;
        while (running) {
            Connection c = null;
            try {
                c = dataSource.getConnection();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
                }
                listening = c;
                PGConnection pg = c.unwrap(PGConnection.class);
                if (failures > 0) {
                    log.info("Live events: listening on {} again", channel);
                }
                failures = 0;
                hub.resync();
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            receive(n.getParameter());
                        }
                    }
                    // a connection that died without a word (network, failover) would only ever time out: ask it
                    if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
                        if (!c.isValid(5)) {
                            throw new SQLException("the LISTEN connection is no longer valid");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                if (failures == 1 || failures % 30 == 0) {
                    log.warn("Live events: LISTEN connection failed ({} time(s)), reconnecting: {}", failures,
                            e.toString());
                }
                sleep(Math.min(10_000, 250L * failures));
            } finally {
                listening = null;
                closeQuietly(c);
            }
        }
    }

    private void receive(String payload) {
        String[] parts = payload.split(":");
        if (parts.length < 2) {
            return;
        }
        try {
            long eventId = Long.parseLong(parts[1]);
            if (parts.length > 2 && "void".equals(parts[2])) {
                hub.remoteRolledBack(eventId);
            } else {
                hub.remoteCommitted(eventId);
            }
        } catch (NumberFormatException e) {
            log.debug("Live events: ignored notification {}", payload);
        }
    }

    private static void closeQuietly(@Nullable Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // going away
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
