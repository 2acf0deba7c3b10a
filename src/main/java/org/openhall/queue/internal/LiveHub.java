package org.openhall.queue.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live hub of this node: pushes the floor's events ({@code q_event}) to the open streams of each centre —
 * hall and window displays, the API stream, the supervisor's floor view — in id order, each event exactly once per
 * stream, and replays what a reconnecting stream missed after its {@code Last-Event-ID}.
 *
 * <p>How events reach it: a command's append (inside its transaction, {@link JdbcLiveEvents}) marks the id as being
 * written on this node; after the commit the hub keeps the event as written and is woken, and, on PostgreSQL, the other
 * nodes are told with {@code pg_notify(channel, '<centreId>:<eventId>')} ({@link PgLiveBridge}, which also LISTENs for
 * theirs). Events of this node that follow the watermark without a gap are delivered as they were kept, without reading
 * them back; woken by another node's NOTIFY, by its poll, or at an id this node does not know, the hub reads the log
 * after its watermark (one watermark for all centres: event ids are global) and delivers. An event of this node
 * therefore arrives twice (commit and NOTIFY) and is sent once.
 *
 * <p>Ids are handed out at insert but become visible at commit, so a later id can be visible before an earlier one. The
 * hub never moves past a missing id while it may still come: an id written on this node is waited for until its
 * transaction ends (a rollback says it never will, and is told to the other nodes as {@code '<centreId>:<eventId>:void'});
 * an unknown one (another node's transaction still committing) is waited for {@code gapGrace}. An id given up on that
 * appears within {@code lateWindow} is still delivered, late.
 */
@Component
public class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** Events read from the log at a time. */
    private static final int BATCH = 500;
    /**
     * Committed events of this node are kept for the pump up to this many ids after its watermark (beyond, it reads them
     * from the log).
     */
    private static final int MAX_COMMITTED = 10_000;
    /** How long the pump, once woken, lets further commits gather before it looks (adds at most this to a display). */
    private static final long COALESCE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** At most this many ids given up on are kept for a late delivery. */
    private static final int MAX_SUSPECTS = 1000;
    /** What each stream remembers of the ids it was sent, so that a late event is never sent twice. */
    private static final int RECENT_IDS = 512;

    private final LiveLog events;
    private final LiveSettings settings;

    /** Guards the watermark, the gap state and the joining of streams (the pump and a join never interleave). */
    private final ReentrantLock lock = new ReentrantLock();
    private long watermark = -1;
    /** When the pump last read the log (nanoTime). */
    private long lastLogRead = System.nanoTime();
    private long gapAt = -1;
    private long gapSince;
    /** id -> nanoTime until which a late arrival is still delivered. */
    private final TreeMap<Long, Long> suspects = new TreeMap<>();

    /** Ids appended by open transactions of this node. */
    private final NavigableSet<Long> writing = new ConcurrentSkipListSet<>();
    /** Ids whose transaction rolled back (this node or another): they never appear. */
    private final NavigableSet<Long> voids = new ConcurrentSkipListSet<>();
    /** Events of this node, committed and not yet delivered: the pump takes them from here instead of the log. */
    private final ConcurrentNavigableMap<Long, LiveLog.Stored> committed = new ConcurrentSkipListMap<>();

    private final Map<Long, CopyOnWriteArrayList<Subscription>> streams = new ConcurrentHashMap<>();
    private final AtomicLong streamSeq = new AtomicLong();

    /** The pump was woken (set by whoever wakes it, cleared by the pump before it looks). */
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** The pump was woken for events that only the log has. */
    private final AtomicBoolean logDirty = new AtomicBoolean();
    private volatile boolean running;
    private volatile @Nullable Thread pump;
    private volatile LiveBridge bridge = LiveBridge.NONE;

    LiveHub(LiveLog events, LiveSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    // ---- streams -------------------------------------------------------------------------------------------------

    /** What a stream is given: events as they come (after the replay) and, when idle, a heartbeat. */
    public interface Sink {

        /** One event; {@code id} 0 for a control event that is not in the log ({@code reset}). */
        void event(long id, String type, String data) throws IOException;

        /** Events that were waiting together, in order: each as {@link #event}, or all in one write. */
        default void events(List<Frame> frames) throws IOException {
            for (Frame f : frames) {
                event(f.id(), f.type(), f.data());
            }
        }

        void heartbeat() throws IOException;

        /** The stream ends (the hub closes it, or it failed). */
        void close();
    }

    /** An open stream; {@link #cancel()} when the client went away. */
    public interface Stream {

        void cancel();
    }

    /**
     * Opens a stream of the centre's events. With {@code lastEventId} the events after it are replayed from the log first
     * (at most {@code replayLimit}; beyond, a {@code reset} event tells the client to reload), then live events follow;
     * without it only events from now on.
     */
    public Stream subscribe(long centreId, @Nullable Long lastEventId, Sink sink) {
        return subscribe(centreId, lastEventId, sink, () -> true);
    }

    /**
     * As {@link #subscribe(long, Long, Sink)}; {@code stillAllowed} is asked at every heartbeat and ends the stream when
     * false (a device revoked meanwhile).
     */
    public Stream subscribe(long centreId, @Nullable Long lastEventId, Sink sink, BooleanSupplier stillAllowed) {
        Subscription s = new Subscription(centreId, sink, stillAllowed);
        lock.lock();
        try {
            ensureWatermark();
            long from = lastEventId == null ? watermark : Math.max(0, lastEventId);
            s.after = Math.max(from, watermark);
            if (from < watermark) {
                replay(s, from);
            }
            streams.computeIfAbsent(centreId, c -> new CopyOnWriteArrayList<>()).add(s);
        } finally {
            lock.unlock();
        }
        Thread.ofPlatform().daemon().name("openhall-live-stream-" + streamSeq.incrementAndGet()).start(s::run);
        return s::close;
    }

    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    /**
     * An event as written on the stream: {@code id:} (if any), {@code event:}, {@code data:} (one line each of the data's
     * lines), a blank line. Written as one piece: what {@link SseEmitter.SseEventBuilder} makes, without sending each
     * field through a message converter of its own — an event goes to every display of the centre.
     */
    static String frame(long id, String type, String data) {
        StringBuilder b = new StringBuilder(data.length() + type.length() + 40);
        if (id > 0) {
            b.append("id:").append(id).append('\n');
        }
        b.append("event:").append(type).append('\n');
        b.append("data:").append(data.indexOf('\n') < 0 ? data : data.replace("\n", "\ndata:")).append("\n\n");
        return b.toString();
    }

    /** A server-sent event stream of the centre: {@code id:} the event id, {@code event:} its type. */
    public SseEmitter sse(long centreId, @Nullable Long lastEventId) {
        return sse(centreId, lastEventId, () -> true);
    }

    /** As {@link #sse(long, Long)}, ending the stream at a heartbeat when {@code stillAllowed} says no. */
    public SseEmitter sse(long centreId, @Nullable Long lastEventId, BooleanSupplier stillAllowed) {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        try {
            emitter.send(SseEmitter.event().reconnectTime(settings.reconnect().toMillis()).comment("openhall"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        Stream stream = subscribe(centreId, lastEventId, new Sink() {
            @Override
            public void event(long id, String type, String data) throws IOException {
                emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(frame(id, type, data), UTF8_TEXT)));
            }

            @Override
            public void events(List<Frame> frames) throws IOException {
                StringBuilder all = new StringBuilder();
                for (Frame f : frames) {
                    all.append(frame(f.id(), f.type(), f.data()));
                }
                emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(all.toString(), UTF8_TEXT)));
            }

            @Override
            public void heartbeat() throws IOException {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }

            @Override
            public void close() {
                try {
                    emitter.complete();
                } catch (RuntimeException ignored) {
                    // already completed by the container
                }
            }
        }, stillAllowed);
        emitter.onCompletion(stream::cancel);
        emitter.onTimeout(stream::cancel);
        emitter.onError(e -> stream.cancel());
        return emitter;
    }

    /** Closes the centre's open streams on this node; their clients reconnect and resume after their last event. */
    public void disconnect(long centreId) {
        List<Subscription> list = streams.get(centreId);
        if (list != null) {
            list.forEach(Subscription::close);
        }
    }

    /** The number of open streams of a centre on this node. */
    public int streamCount(long centreId) {
        List<Subscription> list = streams.get(centreId);
        return list == null ? 0 : list.size();
    }

    /** Whether this node hears the other nodes' NOTIFYs now; true on a single node (H2), which has none. */
    boolean listening() {
        return !(bridge instanceof PgLiveBridge p) || p.listening();
    }

    /** The NOTIFY channel between the nodes; null on a single node (H2). */
    @Nullable String bridgeChannel() {
        return bridge instanceof PgLiveBridge p ? p.channel() : null;
    }

    /** The id up to which this node has delivered (or given up on) every event. */
    public long watermark() {
        lock.lock();
        try {
            ensureWatermark();
            return watermark;
        } finally {
            lock.unlock();
        }
    }

    private void replay(Subscription s, long from) {
        long at = from;
        int sent = 0;
        while (at < watermark) {
            List<LiveLog.Stored> page = events.since(s.centreId, at, Math.min(BATCH, settings.replayLimit() + 1 - sent));
            for (LiveLog.Stored e : page) {
                if (e.id() > watermark) {
                    return;
                }
                if (sent == settings.replayLimit()) {
                    s.offer(new Frame(0, "reset", "{}"));
                    return;
                }
                s.offer(frame(e));
                s.remember(e.id());
                at = e.id();
                sent++;
            }
            if (page.isEmpty()) {
                return;
            }
        }
    }

    // ---- what the commands tell ----------------------------------------------------------------------------------

    /**
     * An event was appended in the current transaction: it is being written on this node until that ends, and once
     * committed the pump delivers it as written here ({@code payload}: the data's JSON as stored). Called by
     * {@link JdbcLiveEvents} directly.
     */
    void appended(long id, long centreId, String type, String payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake(true); // its end is not told here: the log says whether it came (now, not at the next poll)
            return;
        }
        writing.add(id);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    voids.add(id);
                    writing.remove(id);
                    bridge.rolledBack(centreId, id);
                } else {
                    // (the size of the map is not counted: that walks it; ids after the watermark bound it)
                    if (status == STATUS_COMMITTED && id - watermarkHint <= MAX_COMMITTED) {
                        committed.put(id, new LiveLog.Stored(id, centreId, type, payload));
                    }
                    writing.remove(id);
                    if (status == STATUS_COMMITTED) {
                        bridge.committed(centreId, id);
                    }
                }
                // an unknown outcome (the commit failed midway): only the log says whether the event came
                wake(status == STATUS_UNKNOWN);
            }
        });
    }

    /**
     * A node committed an event (PostgreSQL NOTIFY). This node's own come back too: those it holds or is writing are
     * left to the pump's memory.
     */
    void remoteCommitted(long eventId) {
        if (eventId > watermarkHint && !committed.containsKey(eventId) && !writing.contains(eventId)) {
            wake(true);
        }
    }

    /** Another node's transaction with this event rolled back. */
    void remoteRolledBack(long eventId) {
        if (eventId > watermarkHint) {
            voids.add(eventId);
            wake(true);
        }
    }

    /** The notification listener (re)connected: anything may have been missed meanwhile. */
    void resync() {
        wake(true);
    }

    private volatile long watermarkHint = -1;

    /** Wakes the pump for this node's events. */
    void wake() {
        wake(false);
    }

    /**
     * Wakes the pump; {@code readLog}: for events only the log has (another node's). Every commit of this node wakes it:
     * only the first wake after the pump looked unparks it, the others find it woken already (no lock, no monitor).
     */
    private void wake(boolean readLog) {
        if (readLog) {
            logDirty.set(true);
        }
        if (!dirty.get() && !dirty.getAndSet(true)) {
            Thread t = pump;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    // ---- the pump ------------------------------------------------------------------------------------------------

    private void ensureWatermark() {
        if (watermark < 0) {
            watermark = events.maxId();
            watermarkHint = watermark;
        }
    }

    /**
     * Delivers what is visible after the watermark, in id order, stopping at an id that may still come: this node's
     * committed events as they were kept, and with {@code readLog} (or at an id this node does not know while later ones
     * are waiting) what the log holds. Returns how long the pump may sleep if nothing wakes it.
     */
    long pumpOnce(boolean readLog) {
        lock.lock();
        try {
            ensureWatermark();
            long now = System.nanoTime();
            long sleepNanos = settings.poll().toNanos();
            committed.headMap(watermark, true).clear(); // delivered from the log (after their commit was told)
            // the log at least once per poll, however often this node's commits wake the pump (an id of this node
            // written for too long is given up on there)
            boolean more = readLog || now - lastLogRead >= sleepNanos || !fromMemory();
            if (more) {
                lastLogRead = now;
            }
            while (more) {
                List<LiveLog.Stored> page = events.after(watermark, BATCH);
                more = page.size() == BATCH;
                for (LiveLog.Stored e : page) {
                    long wait = gapWait(watermark, e.id(), now);
                    if (wait > 0) {
                        sleepNanos = Math.min(sleepNanos, wait);
                        more = false;
                        break;
                    }
                    deliver(e, false);
                    watermark = e.id();
                    watermarkHint = watermark;
                }
            }
            voids.headSet(watermark, true).clear();
            lateArrivals(now);
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(sleepNanos));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers the committed events of this node that follow the watermark one after the other (passing over ids rolled
     * back). True when it stopped where only this node's commits can take it further (nothing more after the watermark
     * is known, or the next id is still being written here); false at an id it does not know while later ones are
     * waiting: another node's event, or one not told of — the log tells.
     */
    private boolean fromMemory() {
        while (true) {
            long next = watermark + 1;
            LiveLog.Stored e = committed.remove(next);
            if (e != null) {
                deliver(e, false);
            } else if (!voids.contains(next)) {
                return writing.contains(next) || committed.isEmpty();
            }
            watermark = next;
            watermarkHint = next;
            gapAt = -1;
        }
    }

    /** 0 if the hub may move from {@code from} to {@code to}; otherwise nanoseconds to wait for the missing ids. */
    private long gapWait(long from, long to, long now) {
        if (to == from + 1) {
            gapAt = -1;
            return 0;
        }
        NavigableSet<Long> missingVoids = voids.subSet(from, false, to, false);
        long unexplained = (to - from - 1) - missingVoids.size();
        if (unexplained <= 0) {
            gapAt = -1;
            return 0;
        }
        boolean local = !writing.subSet(from, false, to, false).isEmpty();
        if (gapAt != from) {
            gapAt = from;
            gapSince = now;
        }
        long limit = (local ? settings.localGrace() : settings.gapGrace()).toNanos();
        long waited = now - gapSince;
        if (waited < limit) {
            return limit - waited;
        }
        // give up waiting; remember the ids in case they still come
        log.info("Live events: going on without {} missing event id(s) between {} and {} after {} ms", unexplained,
                from, to, TimeUnit.NANOSECONDS.toMillis(waited));
        long expiry = now + settings.lateWindow().toNanos();
        for (long id = from + 1; id < to && suspects.size() < MAX_SUSPECTS; id++) {
            if (!missingVoids.contains(id)) {
                suspects.put(id, expiry);
            }
        }
        gapAt = -1;
        return 0;
    }

    private void lateArrivals(long now) {
        if (suspects.isEmpty()) {
            return;
        }
        suspects.values().removeIf(expiry -> expiry - now < 0);
        voids.forEach(suspects::remove);
        if (suspects.isEmpty()) {
            return;
        }
        for (LiveLog.Stored e : events.byIds(List.copyOf(suspects.keySet()))) {
            suspects.remove(e.id());
            log.info("Live events: event {} arrived late and is delivered out of order", e.id());
            deliver(e, true);
        }
    }

    private void deliver(LiveLog.Stored e, boolean late) {
        List<Subscription> list = streams.get(e.centreId());
        if (list == null || list.isEmpty()) {
            return;
        }
        Frame f = frame(e);
        for (Subscription s : list) {
            if (late ? !s.sent(e.id()) : e.id() > s.after) {
                s.offer(f);
                s.remember(e.id());
            }
        }
    }

    /** The stored JSON goes out as it is (no parsing and writing again per event). */
    private static Frame frame(LiveLog.Stored e) {
        return new Frame(e.id(), e.type(), e.payload());
    }

    private void loop() {
        // the watermark was read on start; the first read follows the first wake (a commit, a NOTIFY) or the poll
        long sleep = settings.poll().toMillis();
        int failures = 0;
        while (running) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sleep);
            boolean woken = dirty.get();
            while (!woken && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                woken = dirty.get();
            }
            if (woken && running) {
                // this node's commits come one after the other: those of the next moment go out with this one (one
                // look of the pump and one write of each stream for several events instead of one each); while the
                // flag is up their wakes cost nothing
                LockSupport.parkNanos(this, COALESCE_NANOS);
            }
            dirty.set(false); // a commit from now on wakes the pump again
            // not woken (the poll, a grace time over), woken by another node, or after a failure: the log
            boolean remote = logDirty.getAndSet(false);
            boolean readLog = !woken || remote || failures > 0;
            if (!running) {
                return;
            }
            try {
                sleep = pumpOnce(readLog);
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                sleep = Math.min(settings.poll().toMillis(), 200L * failures);
                if (failures == 1 || failures % 50 == 0) {
                    log.warn("Live events: reading the event log failed ({} time(s)): {}", failures, e.toString());
                }
            }
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    @Override
    public void start() {
        if (running) {
            return;
        }
        lock.lock();
        try {
            ensureWatermark();
        } finally {
            lock.unlock();
        }
        running = true;
        bridge = PgLiveBridge.startIfPostgres(events.dataSource(), settings.channel(), this);
        Thread t = Thread.ofPlatform().daemon().name("openhall-live-pump").start(this::loop);
        pump = t;
    }

    @Override
    public void stop() {
        running = false;
        wake();
        bridge.stop();
        bridge = LiveBridge.NONE;
        closeAll();
        Thread t = pump;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Streams end before the web server waits for its open requests, so that a shutdown is not held up by them. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closeAll();
    }

    private void closeAll() {
        streams.values().forEach(list -> list.forEach(Subscription::close));
    }

    /** Whether a connection of this data source is PostgreSQL (NOTIFY between nodes) rather than H2 (a single node). */
    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
    }

    // ---- one stream ----------------------------------------------------------------------------------------------

    /** An event as a stream is sent it: id (0 for a control event), type, data (JSON). */
    public record Frame(long id, String type, String data) {
    }

    /** At most this many waiting events go out in one write of a stream. */
    private static final int MAX_WRITE = 100;

    private static final Frame CLOSE = new Frame(-1, "", "");

    private final class Subscription {

        final long centreId;
        final Sink sink;
        final BooleanSupplier stillAllowed;
        final BlockingQueue<Frame> queue = new LinkedBlockingQueue<>(settings.queueLimit() + settings.replayLimit() + 2);
        /** Live events up to this id were replayed or seen elsewhere; guarded by the hub's lock. */
        long after;
        private final LinkedHashSet<Long> recent = new LinkedHashSet<>();
        private volatile boolean closed;

        Subscription(long centreId, Sink sink, BooleanSupplier stillAllowed) {
            this.centreId = centreId;
            this.sink = sink;
            this.stillAllowed = stillAllowed;
        }

        void offer(Frame f) {
            if (closed) {
                return;
            }
            if (!queue.offer(f)) {
                // too slow: close, the client resumes from its Last-Event-ID
                log.info("Live events: a stream of centre {} fell {} events behind and is closed", centreId, queue.size());
                close();
            }
        }

        void remember(long id) {
            recent.add(id);
            if (recent.size() > RECENT_IDS) {
                Iterator<Long> it = recent.iterator();
                it.next();
                it.remove();
            }
        }

        boolean sent(long id) {
            return recent.contains(id) || id <= 0;
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            List<Subscription> list = streams.get(centreId);
            if (list != null) {
                list.remove(this);
            }
            queue.clear();
            queue.offer(CLOSE);
        }

        void run() {
            long heartbeat = settings.heartbeat().toMillis();
            List<Frame> batch = new ArrayList<>();
            try {
                while (!closed) {
                    Frame f = queue.poll(heartbeat, TimeUnit.MILLISECONDS);
                    if (f == CLOSE || closed) {
                        break;
                    }
                    if (f == null) {
                        if (!stillAllowed.getAsBoolean()) {
                            break;
                        }
                        sink.heartbeat();
                        continue;
                    }
                    // what else is waiting goes out with it: one write for several events
                    batch.clear();
                    batch.add(f);
                    queue.drainTo(batch, MAX_WRITE - 1);
                    int close = batch.indexOf(CLOSE);
                    List<Frame> send = close < 0 ? batch : batch.subList(0, close);
                    if (send.size() == 1) {
                        sink.event(f.id(), f.type(), f.data());
                    } else if (!send.isEmpty()) {
                        sink.events(send);
                    }
                    if (close >= 0) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Live events: stream of centre {} ended: {}", centreId, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
                sink.close();
            }
        }
    }

    /** How this node tells the others (and hears from them); nothing on a single node (H2). */
    interface LiveBridge {

        LiveBridge NONE = new LiveBridge() {
        };

        default void committed(long centreId, long eventId) {
        }

        default void rolledBack(long centreId, long eventId) {
        }

        default void stop() {
        }
    }
}
