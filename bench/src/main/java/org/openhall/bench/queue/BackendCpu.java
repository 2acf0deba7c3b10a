package org.openhall.bench.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The CPU time (ticks of 10 ms, from {@code /proc/<pid>/stat}) that the PostgreSQL backends of a database — those a
 * {@code pg_stat_activity} filter selects — and a client process spend while it runs: polled every 100 ms on a
 * connection of its own, each process counted from its first to its last reading. What the machine's other work costs
 * does not enter, so the CPU per operation of the floor and of pgbench can be compared on a busy machine.
 */
final class BackendCpu implements AutoCloseable {

    private final Connection db;
    private final String filter;
    private final LongSupplier client;
    private final Map<Long, long[]> backends = new ConcurrentHashMap<>();
    private final Map<Long, long[]> clients = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean stop;

    /** {@code filter}: a condition on {@code pg_stat_activity}; {@code client}: the client's pid, 0 if none (yet). */
    BackendCpu(Connection db, String filter, LongSupplier client) {
        this.db = db;
        this.filter = filter;
        this.client = client;
        this.poller = Thread.ofPlatform().daemon().name("bench-cpu").start(this::poll);
    }

    private void poll() {
        while (!stop) {
            read();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and "
                        + filter)) {
            while (rs.next()) {
                note(backends, rs.getLong(1));
            }
        } catch (SQLException e) {
            // the next reading
        }
        long pid = client.getAsLong();
        if (pid > 0) {
            note(clients, pid);
        }
    }

    private static void note(Map<Long, long[]> seen, long pid) {
        long t = ticks(pid);
        if (t >= 0) {
            seen.merge(pid, new long[] {t, t}, (old, now) -> new long[] {old[0], now[1]});
        }
    }

    /** utime + stime of a process, -1 if it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops polling after a last reading; returns {backends' ticks, client's ticks}. */
    long[] stop() throws InterruptedException {
        stop = true;
        poller.join();
        read();
        return new long[] {sum(backends), sum(clients)};
    }

    private static long sum(Map<Long, long[]> seen) {
        return seen.values().stream().mapToLong(v -> v[1] - v[0]).sum();
    }

    @Override
    public void close() throws SQLException {
        stop = true;
        db.close();
    }
}
