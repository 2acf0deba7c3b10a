package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhall.queue.QueueFixture;
import org.openhall.test.TestDatabaseInitializer;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live hub: every event of a centre reaches each of its streams once, in id order, even when transactions
 * commit in another order than they took their ids; a rollback does not hold the others up; a stream that resumes after
 * its Last-Event-ID gets exactly what it missed; a second hub standing for another node (it does not see this node's
 * transactions, only the log and, on PostgreSQL, the NOTIFYs) waits for an id still being written, goes on after the
 * grace time and delivers the id late if it still comes. Runs on H2 and, with -Ddb=postgresql, on PostgreSQL, where the
 * second hub hears the first over LISTEN/NOTIFY.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class LiveHubTests {

    private static final AtomicLong CENTRES = new AtomicLong(9_000_000 + (System.nanoTime() % 1000) * 1000);
    private static final Duration SOON = Duration.ofSeconds(5);

    @Autowired LiveHub hub;
    @Autowired LiveEvents events;
    @Autowired LiveLog log;
    @Autowired JsonMapper json;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate tx;

    record Got(long id, String type, String data) {
    }

    /** A stream that records what it is sent. */
    static final class Recorder implements LiveHub.Sink {

        final BlockingQueue<Got> got = new LinkedBlockingQueue<>();
        final AtomicInteger heartbeats = new AtomicInteger();
        volatile boolean closed;

        @Override
        public void event(long id, String type, String data) {
            got.add(new Got(id, type, data));
        }

        @Override
        public void heartbeat() {
            heartbeats.incrementAndGet();
        }

        @Override
        public void close() {
            closed = true;
        }

        Got next(Duration within) throws InterruptedException {
            return got.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        List<Long> ids(int n, Duration within) throws InterruptedException {
            List<Long> out = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (out.size() < n) {
                Got g = got.poll(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                        TimeUnit.MILLISECONDS);
                if (g == null) {
                    throw new AssertionError("expected " + n + " events, got " + out);
                }
                out.add(g.id());
            }
            return out;
        }

        /** Nothing more arrives within the time. */
        void quiet(Duration d) throws InterruptedException {
            Got g = next(d);
            assertThat(g).as("no further event").isNull();
        }
    }

    private long centre() {
        return CENTRES.incrementAndGet();
    }

    private long append(long centre, String number) {
        return tx.execute(s -> events.append(centre, "ticket.called", null, Map.of("number", number,
                "speech", "请 " + number + " 号到 1 号窗口办理")));
    }

    /** An append in a transaction on another thread that stays open until {@link #end}. */
    private final class Held {

        final AtomicLong id = new AtomicLong();
        final CountDownLatch appended = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Thread thread;

        Held(long centre, String number, boolean rollback) throws InterruptedException {
            thread = Thread.ofPlatform().start(() -> tx.executeWithoutResult(s -> {
                id.set(events.append(centre, "ticket.called", null, Map.of("number", number)));
                appended.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (rollback) {
                    s.setRollbackOnly();
                }
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        }

        long id() {
            return id.get();
        }

        /** Commits (or rolls back) and waits for the thread. */
        void end() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
        }
    }

    /** What a test does with its centre, the hub it listens to and its recording stream. */
    @FunctionalInterface
    private interface StreamTest {
        void run(long centre, LiveHub hub, Recorder r) throws Exception;
    }

    /** A fresh centre and one recording stream on this node's hub, cancelled afterwards. */
    private void withStream(StreamTest test) throws Exception {
        withStream(hub, test);
    }

    /** The same on a second hub standing for another node, with its settings; the hub is stopped afterwards. */
    private void onOtherNode(LiveSettings settings, StreamTest test) throws Exception {
        LiveHub other = otherNode(settings);
        try {
            withStream(other, test);
        } finally {
            other.stop();
        }
    }

    private void withStream(LiveHub h, StreamTest test) throws Exception {
        long centre = centre();
        Recorder r = new Recorder();
        LiveHub.Stream s = h.subscribe(centre, null, r);
        try {
            test.run(centre, h, r);
        } finally {
            s.cancel();
        }
    }

    @Test
    void deliversEachEventOnceInIdOrderAndOnlyToItsCentre() throws Exception {
        long centre = centre();
        long other = centre();
        Recorder r = new Recorder();
        Recorder o = new Recorder();
        LiveHub.Stream s = hub.subscribe(centre, null, r);
        LiveHub.Stream so = hub.subscribe(other, null, o);
        try {
            long a = append(centre, "A001");
            long x = append(other, "B001");
            long b = append(centre, "A002");
            long c = append(centre, "A003");
            assertThat(r.ids(3, SOON)).containsExactly(a, b, c);
            assertThat(o.ids(1, SOON)).containsExactly(x);
            // the same ids told again (the NOTIFY of this node's own commits, a repeated notification) change nothing
            hub.remoteCommitted(a);
            hub.remoteCommitted(c);
            hub.wake();
            r.quiet(Duration.ofMillis(700));
        } finally {
            s.cancel();
            so.cancel();
        }
    }

    @Test
    void eventData() throws Exception {
        withStream((centre, h, r) -> {
            long id = append(centre, "A012");
            Got g = r.next(SOON);
            assertThat(g).isNotNull();
            assertThat(g.id()).isEqualTo(id);
            assertThat(g.type()).isEqualTo("ticket.called");
            assertThat(json.readTree(g.data()).get("number").asString()).isEqualTo("A012");
            assertThat(json.readTree(g.data()).get("speech").asString()).isEqualTo("请 A012 号到 1 号窗口办理");
        });
    }

    @Test
    void aLaterIdCommittedFirstWaitsForTheEarlierOne() throws Exception {
        withStream((centre, h, r) -> {
            Held first = new Held(centre, "A001", false);
            try {
                long second = append(centre, "A002");
                assertThat(second).isGreaterThan(first.id());
                // the earlier id is still being written on this node: the later one is held back
                r.quiet(Duration.ofMillis(800));
                first.end();
                assertThat(r.ids(2, SOON)).containsExactly(first.id(), second);
                r.quiet(Duration.ofMillis(300));
            } finally {
                first.end();
            }
        });
    }

    @Test
    void aRollbackDoesNotHoldTheOthersUp() throws Exception {
        withStream((centre, h, r) -> {
            Held lost = new Held(centre, "A001", true);
            try {
                long kept = append(centre, "A002");
                r.quiet(Duration.ofMillis(300));
                long released = System.nanoTime();
                lost.end();
                assertThat(r.ids(1, SOON)).containsExactly(kept);
                // told by the rollback itself, not by the grace time running out
                assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(Duration.ofMillis(1500));
                r.quiet(Duration.ofMillis(300));
            } finally {
                lost.end();
            }
        });
    }

    @Test
    void aStreamResumingAfterItsLastEventIdGetsExactlyWhatItMissed() throws Exception {
        long centre = centre();
        long a = append(centre, "A001");
        long b = append(centre, "A002");
        long c = append(centre, "A003");
        awaitWatermark(c);
        Recorder r = new Recorder();
        LiveHub.Stream s = hub.subscribe(centre, a, r);
        try {
            assertThat(r.ids(2, SOON)).containsExactly(b, c);
            long d = append(centre, "A004");
            assertThat(r.ids(1, SOON)).containsExactly(d);
            r.quiet(Duration.ofMillis(300));
        } finally {
            s.cancel();
        }
        // resuming from the latest id replays nothing
        Recorder none = new Recorder();
        LiveHub.Stream s2 = hub.subscribe(centre, events.lastId(centre), none);
        try {
            none.quiet(Duration.ofMillis(500));
        } finally {
            s2.cancel();
        }
    }

    @Test
    void aCancelledStreamIsClosedAndForgotten() throws Exception {
        long centre = centre();
        Recorder r = new Recorder();
        LiveHub.Stream s = hub.subscribe(centre, null, r);
        assertThat(hub.streamCount(centre)).isEqualTo(1);
        s.cancel();
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!r.closed && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(r.closed).isTrue();
        assertThat(hub.streamCount(centre)).isZero();
        append(centre, "A001");
        r.quiet(Duration.ofMillis(300));
    }

    // ---- a second hub: another node ----------------------------------------------------------------------------

    /** The logs (each with its little pool) of the other nodes a test started; closed after it. */
    private final List<LiveLog> otherLogs = new ArrayList<>();

    @AfterEach
    void closeOtherLogs() {
        otherLogs.forEach(LiveLog::destroy);
        otherLogs.clear();
    }

    private LiveHub otherNode(LiveSettings settings) {
        LiveLog own = new LiveLog(dataSource, json);
        otherLogs.add(own);
        LiveHub other = new LiveHub(own, settings);
        other.start();
        // a node whose LISTEN is not up yet misses the NOTIFYs sent meanwhile (it would find the events only by its
        // poll): the tests of another node begin once it listens
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!other.listening() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(other.listening()).as("the other node listens").isTrue();
        return other;
    }

    private static LiveSettings fast(int replayLimit) {
        return new LiveSettings(Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofMillis(200), Duration.ofMillis(700), Duration.ofSeconds(10), Duration.ofSeconds(20),
                replayLimit, 5000, null);
    }

    @Test
    void aGuardedAppendWritesNothingWithoutTheGuardsRowAndAllOfItWithIt() throws Exception {
        if (!events.guardedWrites()) {
            // H2: a command makes its deciding write on its own first
            assertThatThrownBy(() -> tx.execute(s -> events.appendIf(1, new LiveEvents.Write("select 1 as one", Map.of()),
                    "select g.one from g", (rs, n) -> 1, List.of(new LiveEvents.Draft("ticket.called", null, Map.of())),
                    List.of()))).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        new JdbcTemplate(dataSource).execute(
                "create table if not exists test_guarded (centre_id bigint not null, note varchar(20) not null)");
        withStream((centre, h, r) -> {
            for (boolean claimed : new boolean[] {false, true}) {
                Optional<Long> got = tx.execute(s -> events.appendIf(centre,
                        new LiveEvents.Write("select cast(:c as bigint) as centre_id where :claimed",
                                Map.of("c", centre, "claimed", claimed)),
                        "select g.centre_id from g", (rs, n) -> rs.getLong(1),
                        List.of(new LiveEvents.Draft("ticket.called", null, Map.of("number", "G001"))),
                        List.of(new LiveEvents.Write(
                                "insert into test_guarded (centre_id, note) select g.centre_id, :note from g",
                                Map.of("note", "called")))));
                Integer written = new JdbcTemplate(dataSource).queryForObject(
                        "select count(*) from test_guarded where centre_id = ?", Integer.class, centre);
                if (!claimed) {
                    assertThat(got).isEmpty();
                    assertThat(written).isZero();
                    assertThat(events.lastId(centre)).isZero();
                    r.quiet(Duration.ofMillis(300));
                } else {
                    assertThat(got).contains(centre);
                    assertThat(written).isEqualTo(1);
                    Got g = r.next(SOON);
                    assertThat(g).isNotNull();
                    assertThat(g.id()).isEqualTo(events.lastId(centre));
                    assertThat(json.readTree(g.data()).get("number").asString()).isEqualTo("G001");
                }
            }
        });
    }

    /** A hub that reads the log only once a minute and hears no NOTIFY (a channel of its own). */
    private static LiveSettings alone(String name) {
        return new LiveSettings(Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofMinutes(1), Duration.ofMillis(700), Duration.ofSeconds(10), Duration.ofSeconds(20), 2000,
                5000, "openhall_test_" + name + "_" + (System.nanoTime() % 100_000));
    }

    @Test
    void thisNodesCommittedEventsGoOutAsTheyWereWrittenWithoutReadingTheLogBack() throws Exception {
        // a hub that reads the log only every minute and hears no NOTIFY (a channel of its own): what reaches its stream
        // soon after the commit came from what it was told when the event was appended, not from the log
        onOtherNode(alone("kept"), (centre, h, r) -> {
            r.quiet(Duration.ofMillis(500)); // the hub settled: its first reads of the log are done
            long id = tx.execute(s -> {
                long appended = events.append(centre, "ticket.called", null, Map.of("number", "A001"));
                h.appended(appended, centre, "ticket.called", "{\"number\":\"A001\",\"kept\":true}");
                return appended;
            });
            Got g = r.next(SOON);
            assertThat(g).isNotNull();
            assertThat(g.id()).isEqualTo(id);
            assertThat(json.readTree(g.data()).has("kept")).as("sent as kept, not read back from the log").isTrue();
            r.quiet(Duration.ofMillis(300));
        });
    }

    @Test
    void anEventAppendedOutsideATransactionIsReadFromTheLogAtOnce() throws Exception {
        // its commit is not told to the hub (no transaction to follow), so only the log has it: the wake at its append
        // reads the log then, not at the next poll (a minute here, and no NOTIFY on the hub's own channel)
        onOtherNode(alone("untold"), (centre, h, r) -> {
            r.quiet(Duration.ofMillis(500));
            long id = tx.execute(s -> events.append(centre, "ticket.called", null, Map.of("number", "A001")));
            h.appended(id, centre, "ticket.called", "{\"number\":\"A001\"}"); // told after the commit, outside it
            Got g = r.next(SOON);
            assertThat(g).as("delivered without waiting for the poll").isNotNull();
            assertThat(g.id()).isEqualTo(id);
            r.quiet(Duration.ofMillis(300));
        });
    }

    @Test
    void anotherNodeWaitsForAnIdStillBeingWrittenThenDeliversInOrder() throws Exception {
        onOtherNode(fast(2000), (centre, other, r) -> {
            Held first = new Held(centre, "A001", false);
            try {
                long second = append(centre, "A002");
                r.quiet(Duration.ofMillis(300));
                first.end();
                assertThat(r.ids(2, SOON)).containsExactly(first.id(), second);
                r.quiet(Duration.ofMillis(500));
            } finally {
                first.end();
            }
        });
    }

    @Test
    void anotherNodeGoesOnAfterTheGraceTimeAndDeliversALateIdOnce() throws Exception {
        onOtherNode(fast(2000), (centre, other, r) -> {
            try (Connection raw = dataSource.getConnection()) {
                // a transaction of some node that does not tell: an insert that stays uncommitted past the grace time
                raw.setAutoCommit(false);
                long slow = insertRaw(raw, centre, "A001");
                long quick = append(centre, "A002");
                long started = System.nanoTime();
                assertThat(r.ids(1, SOON)).containsExactly(quick);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
                raw.commit();
                assertThat(r.ids(1, SOON)).containsExactly(slow);
                r.quiet(Duration.ofMillis(800));
                awaitWatermark(quick);
            }
        });
    }

    @Test
    void anotherNodeSkipsAnIdThatNeverCommits() throws Exception {
        onOtherNode(fast(2000), (centre, other, r) -> {
            try (Connection raw = dataSource.getConnection()) {
                raw.setAutoCommit(false);
                insertRaw(raw, centre, "A001");
                long kept = append(centre, "A002");
                raw.rollback();
                assertThat(r.ids(1, SOON)).containsExactly(kept);
                long next = append(centre, "A003");
                assertThat(r.ids(1, SOON)).containsExactly(next);
                r.quiet(Duration.ofMillis(500));
                // this node's hub did not know that insert either: it goes on too, after its own grace time
                awaitWatermark(next);
            }
        });
    }

    @Test
    void aStreamTooFarBehindIsToldToReload() throws Exception {
        long centre = centre();
        LiveHub other = otherNode(fast(2));
        long a = append(centre, "A001");
        append(centre, "A002");
        append(centre, "A003");
        long d = append(centre, "A004");
        awaitWatermark(other, d);
        Recorder r = new Recorder();
        LiveHub.Stream s = other.subscribe(centre, a, r);
        try {
            Got g1 = r.next(SOON);
            Got g2 = r.next(SOON);
            Got reset = r.next(SOON);
            assertThat(g1.id()).isGreaterThan(a);
            assertThat(g2.id()).isGreaterThan(g1.id());
            assertThat(reset.type()).isEqualTo("reset");
            assertThat(reset.id()).isZero();
            long e = append(centre, "A005");
            assertThat(r.ids(1, SOON)).containsExactly(e);
        } finally {
            s.cancel();
            other.stop();
        }
    }

    private static boolean postgres() {
        return "postgresql".equalsIgnoreCase(TestDatabaseInitializer.database());
    }

    /** Another node that reads the log only every 30 s and waits up to 3 s for a missing id. */
    private static LiveSettings slowPoll() {
        return new LiveSettings(Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(20), 2000,
                5000, null);
    }

    @Test
    void onPostgresqlAnotherNodeHearsACommitAtOnceByNotify() throws Exception {
        onOtherNode(slowPoll(), (centre, other, r) -> {
            long started = System.nanoTime();
            long id = append(centre, "A001");
            if (postgres()) {
                assertThat(r.ids(1, SOON)).containsExactly(id);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            } else {
                // H2 is one node: no NOTIFY, another hub only finds the event by its (here slow) poll
                r.quiet(Duration.ofSeconds(2));
            }
        });
    }

    @Test
    void onPostgresqlAnotherNodeIsToldOfARollbackAndDoesNotWaitForIt() throws Exception {
        onOtherNode(slowPoll(), (centre, other, r) -> {
            Held lost = new Held(centre, "A001", true);
            try {
                long kept = append(centre, "A002");
                long released = System.nanoTime();
                lost.end();
                if (postgres()) {
                    assertThat(r.ids(1, SOON)).containsExactly(kept);
                    assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(Duration.ofMillis(2500));
                } else {
                    r.quiet(Duration.ofSeconds(2));
                }
            } finally {
                lost.end();
            }
        });
    }

    @Test
    void onPostgresqlTheListenerReconnectsAfterItsConnectionWasKilled() throws Exception {
        onOtherNode(slowPoll(), (centre, other, r) -> {
            if (!postgres()) {
                // one node on H2: nothing to listen to
                assertThat(other.bridgeChannel()).isNull();
                return;
            }
            int killed = 0;
            long deadline = System.nanoTime() + SOON.toNanos();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                while (killed == 0 && System.nanoTime() < deadline) {
                    try (ResultSet rs = st.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity "
                            + "where query = 'LISTEN \"" + other.bridgeChannel() + "\"' and pid <> pg_backend_pid()")) {
                        while (rs.next()) {
                            killed++;
                        }
                    }
                    Thread.sleep(100);
                }
            }
            assertThat(killed).as("listening connections killed").isPositive();
            // an event while the listener is away is found when it is back (it rereads the log), later ones by NOTIFY
            long first = append(centre, "A001");
            assertThat(r.ids(1, Duration.ofSeconds(10))).containsExactly(first);
            long second = append(centre, "A002");
            long sent = System.nanoTime();
            assertThat(r.ids(1, SOON)).containsExactly(second);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(3));
        });
    }

    @Test
    void aStreamNoLongerAllowedEndsAtItsNextHeartbeat() throws Exception {
        long centre = centre();
        LiveHub other = otherNode(new LiveSettings(Duration.ofMillis(200), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(20), 2000, 5000,
                null));
        java.util.concurrent.atomic.AtomicBoolean allowed = new java.util.concurrent.atomic.AtomicBoolean(true);
        Recorder r = new Recorder();
        LiveHub.Stream s = other.subscribe(centre, null, r, allowed::get);
        try {
            long deadline = System.nanoTime() + SOON.toNanos();
            while (r.heartbeats.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(r.heartbeats.get()).as("heartbeats of an idle stream").isGreaterThanOrEqualTo(2);
            assertThat(r.closed).isFalse();
            allowed.set(false);
            while (!r.closed && System.nanoTime() < deadline + SOON.toNanos()) {
                Thread.sleep(50);
            }
            assertThat(r.closed).isTrue();
            assertThat(other.streamCount(centre)).isZero();
        } finally {
            s.cancel();
            other.stop();
        }
    }

    @Test
    void theNotificationChannelKeepsSchemasApart() {
        assertThat(PgLiveBridge.channel(null, "public")).isEqualTo("openhall_queue");
        assertThat(PgLiveBridge.channel("", null)).isEqualTo("openhall_queue");
        assertThat(PgLiveBridge.channel(null, "t_abc")).isEqualTo("openhall_queue_t_abc");
        assertThat(PgLiveBridge.channel("hall", "t_abc")).isEqualTo("hall");
        assertThat(PgLiveBridge.channel(null, "s".repeat(80))).hasSize(63);
        if ("postgresql".equalsIgnoreCase(TestDatabaseInitializer.database())) {
            assertThat(hub.bridgeChannel()).startsWith("openhall_queue_t_");
        } else {
            assertThat(hub.bridgeChannel()).isNull();
        }
    }

    private long insertRaw(Connection c, long centre, String number) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into q_event (centre_id, event_type, window_id, payload, created_at) values (?, ?, null, ?, ?)",
                new String[] {"id"})) {
            ps.setLong(1, centre);
            ps.setString(2, "ticket.called");
            ps.setString(3, "{\"number\":\"" + number + "\"}");
            ps.setTimestamp(4, Timestamp.from(Instant.parse("2026-09-28T02:00:00Z")));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void awaitWatermark(long id) throws InterruptedException {
        awaitWatermark(hub, id);
    }

    private static void awaitWatermark(LiveHub h, long id) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (h.watermark() < id && System.nanoTime() < deadline) {
            h.wake();
            Thread.sleep(20);
        }
        assertThat(h.watermark()).isGreaterThanOrEqualTo(id);
    }
}
