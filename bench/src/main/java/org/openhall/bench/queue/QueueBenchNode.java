package org.openhall.bench.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.openhall.bench.PostgresBench;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueDesk.TicketView;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The second application node of the hall-floor benchmark, a process of its own: starts OpenHall on the benchmark's
 * database (the same clock offset as node 1), then obeys lines on its standard input and answers on its standard
 * output, each answer a line starting with {@value #PREFIX}:
 * <ul>
 * <li>{@code call <windowId>}: {@link QueueDesk#callNext} for the window; answers {@code called <ticketId> <nanoTime>}
 * with {@link System#nanoTime()} read right after the call returned (after its commit), or {@code called -1 ...} when
 * nobody waits. On Linux {@code System.nanoTime()} is the machine's monotonic clock, the same in both processes;</li>
 * <li>{@code finish <windowId>}: start and finish the window's ticket; answers {@code finished};</li>
 * <li>{@code profile <centreId> <serviceId> <windowId> <n>}: n times issue, call next, start, finish on this thread,
 * answering the mean SQL statements and commits per command ({@link StatementCounting}, which only this node has);</li>
 * <li>{@code quit}: closes the application and exits.</li>
 * </ul>
 * Started by {@link QueueBenchmark} with arguments: database, clock offset in milliseconds, pool size.
 */
public final class QueueBenchNode {

    static final String PREFIX = "@@node ";

    private QueueBenchNode() {
    }

    public static void main(String[] args) throws Exception {
        // ends with the benchmark, also while still starting
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        String database = args[0];
        long offset = Long.parseLong(args[1]);
        int pool = Integer.parseInt(args[2]);
        ConfigurableApplicationContext ctx = PostgresBench.startApplication(PostgresBench.Server.fromProperties(),
                database, QueueBenchmark.ZONE.getId(), List.of(BenchClock.class, StatementCounting.class),
                QueueBenchmark.nodeArguments(offset, pool));
        QueueDesk desk = ctx.getBean(QueueDesk.class);
        answer("ready " + PostgresBench.port(ctx));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.strip().split(" ");
                try {
                    switch (cmd[0]) {
                        case "call" -> {
                            Optional<TicketView> t = desk.callNext(Long.parseLong(cmd[1]), "bench-node2");
                            long at = System.nanoTime();
                            answer("called " + t.map(TicketView::id).orElse(-1L) + " " + at);
                        }
                        case "finish" -> {
                            long window = Long.parseLong(cmd[1]);
                            desk.start(window, "bench-node2");
                            desk.finish(window, null, "bench-node2");
                            answer("finished");
                        }
                        case "profile" -> answer("profile " + profile(desk, Long.parseLong(cmd[1]), Long.parseLong(cmd[2]),
                                Long.parseLong(cmd[3]), Integer.parseInt(cmd[4])));
                        case "quit" -> {
                            ctx.close();
                            answer("bye");
                            System.exit(0);
                        }
                        default -> answer("error unknown command " + line);
                    }
                } catch (RuntimeException e) {
                    answer("error " + e);
                }
            }
        }
        ctx.close();
        System.exit(0);
    }

    /**
     * The round trips of each command, one command at a time on this thread: {@code n} times issue, call next, start,
     * finish; answers per command the mean statements and commits, e.g. {@code issue=14.0/1.0 callNext=...}.
     */
    private static String profile(QueueDesk desk, long centre, long service, long window, int n) {
        String[] names = {"issue", "callNext", "start", "finish"};
        long[][] counts = new long[4][2];
        for (int i = 0; i < n; i++) {
            for (int op = 0; op < 4; op++) {
                long s0 = StatementCounting.statements();
                long c0 = StatementCounting.commits();
                switch (op) {
                    case 0 -> desk.issue(IssueRequest.ordinary(centre, service, TicketChannel.KIOSK), "bench-node2");
                    case 1 -> desk.callNext(window, "bench-node2").orElseThrow();
                    case 2 -> desk.start(window, "bench-node2");
                    default -> desk.finish(window, null, "bench-node2");
                }
                counts[op][0] += StatementCounting.statements() - s0;
                counts[op][1] += StatementCounting.commits() - c0;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int op = 0; op < 4; op++) {
            b.append(op == 0 ? "" : " ").append(names[op]).append('=').append((double) counts[op][0] / n).append('/')
                    .append((double) counts[op][1] / n);
        }
        return b.toString();
    }

    private static void answer(String s) {
        System.out.println(PREFIX + s);
        System.out.flush();
    }
}
