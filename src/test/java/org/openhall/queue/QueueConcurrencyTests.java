package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueDesk.TicketView;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * a ticket is called by exactly one window, ever, and a window holds one ticket at a time — with 8 windows and
 * 3 threads per window (24 callers, like several nodes or a double click on every console) calling, starting and
 * finishing at once over 200 waiting tickets of mixed priority. The guarantee lies in the database (conditional
 * updates), so the same test holds on H2 and on PostgreSQL (-Ddb=postgresql).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class QueueConcurrencyTests {

    static final int WINDOWS = 8;
    static final int THREADS_PER_WINDOW = 3;
    static final int TICKETS = 200;

    @Autowired
    OrganizationCommands orgCommands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QueueServices services;

    @Autowired
    QueueDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /**
     * the day's first ticket of a service creates its counter row and closes the earlier days on the issuing
     * connection: with more first tickets at once than the pool has connections, none waits for a second connection, all
     * are issued, each service's numbers run 1, 2, 3… without gap or repeat, and the earlier day's waiting ticket is
     * closed.
     */
    @Test
    void theFirstTicketsOfADayIssuedByMoreThreadsThanConnectionsAllGetDistinctNumbers() throws Exception {
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        int threads = connections * 2 + 2;
        try {
            QueueFixture.CLOCK.set(QueueFixture.OPEN);
            QueueFixture.Floor f = QueueFixture.create(orgCommands, accounts, services, 1);
            long earlier = desk.issue(IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "kiosk")
                    .ticket().id();
            List<Long> serviceIds = new ArrayList<>();
            serviceIds.add(f.serviceA());
            for (int i = 1; i < connections; i++) {
                String prefix = String.valueOf((char) ('C' + i / 26)) + (char) ('A' + i % 26);
                serviceIds.add(services.create(QueueFixture.service(f.centreId(), "F" + i, "首号业务" + i, prefix, 1, 999,
                        null)).id());
            }
            // the next working day (Tuesday 2026-09-29), same hour: the first ticket of every service
            QueueFixture.CLOCK.set(QueueFixture.OPEN.plus(Duration.ofDays(1)));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TicketView>> issued = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long service = serviceIds.get(t % serviceIds.size());
                issued.add(pool.submit(() -> {
                    start.await();
                    return desk.issue(IssueRequest.ordinary(f.centreId(), service, TicketChannel.KIOSK), "kiosk").ticket();
                }));
            }
            start.countDown();
            Map<Long, List<String>> numbers = new HashMap<>();
            for (Future<TicketView> r : issued) {
                TicketView t = r.get(2, TimeUnit.MINUTES);
                numbers.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t.number());
            }
            pool.shutdown();

            assertThat(numbers.values().stream().mapToInt(List::size).sum()).isEqualTo(threads);
            assertThat(numbers).hasSize(serviceIds.size());
            for (Map.Entry<Long, List<String>> e : numbers.entrySet()) {
                List<Integer> seqs = jdbc.sql("""
                        select seq from q_ticket where service_id = :s and business_date = :d order by seq""")
                        .param("s", e.getKey()).param("d", LocalDate.of(2026, 9, 29)).query(Integer.class).list();
                List<Integer> expected = new ArrayList<>();
                for (int i = 1; i <= e.getValue().size(); i++) {
                    expected.add(i);
                }
                assertThat(seqs).as("numbers of service %d", e.getKey()).isEqualTo(expected);
                assertThat(e.getValue()).doesNotHaveDuplicates();
            }
            assertThat(jdbc.sql("select status from q_ticket where id = :id").param("id", earlier).query(String.class)
                    .single()).as("the earlier day's waiting ticket").isEqualTo("CANCELLED");
        } finally {
            QueueFixture.CLOCK.set(QueueFixture.OPEN);
        }
    }

    @Test
    void everyTicketIsCalledExactlyOnceAndNoWindowHoldsTwo() throws Exception {
        QueueFixture.CLOCK.set(QueueFixture.OPEN);
        QueueFixture.Floor f = QueueFixture.create(orgCommands, accounts, services, WINDOWS);
        PriorityClass[] classes = PriorityClass.values();
        for (int i = 0; i < TICKETS; i++) {
            PriorityClass p = i % 5 == 0 ? classes[1 + i % 3] : PriorityClass.ORDINARY;
            desk.issue(new IssueRequest(f.centreId(), f.serviceA(), TicketChannel.KIOSK, p,
                    p == PriorityClass.SPECIAL ? PriorityReason.ELDERLY : null, null, null, null, List.of()), "kiosk");
            if (i % 10 == 0) {
                QueueFixture.CLOCK.advance(Duration.ofSeconds(30));
            }
        }
        for (int w = 0; w < WINDOWS; w++) {
            desk.signIn(f.windows()[w], f.staff()[w], "staff" + w);
        }

        Map<Long, Long> calledBy = new ConcurrentHashMap<>();
        AtomicInteger doubleCalls = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WINDOWS * THREADS_PER_WINDOW);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < WINDOWS * THREADS_PER_WINDOW; t++) {
            long window = f.windows()[t % WINDOWS];
            results.add(pool.submit(() -> {
                start.await();
                int mine = 0;
                for (int spins = 0; spins < 100_000; spins++) {
                    try {
                        Optional<TicketView> called = desk.callNext(window, "w" + window);
                        if (called.isEmpty()) {
                            return mine;
                        }
                        mine++;
                        if (calledBy.putIfAbsent(called.get().id(), window) != null) {
                            doubleCalls.incrementAndGet();
                        }
                        assertThat(called.get().windowId()).isEqualTo(window);
                        if (mine % 2 == 0) {
                            desk.start(window, "w" + window);
                        }
                        desk.finish(window, null, "w" + window);
                    } catch (DomainException e) {
                        if (e.kind() != DomainException.Kind.CONFLICT) {
                            throw e;
                        }
                        conflicts.incrementAndGet(); // another thread of the same window holds or finished its ticket
                        Thread.sleep(1);
                    }
                }
                throw new AssertionError("no end");
            }));
        }
        start.countDown();
        int calls = 0;
        for (Future<Integer> r : results) {
            calls += r.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(doubleCalls.get()).isZero();
        assertThat(calls).isEqualTo(TICKETS);
        assertThat(calledBy).hasSize(TICKETS);
        assertThat(conflicts.get()).as("the same-window threads really competed").isPositive();

        // in the database: each ticket called once, by the window that the caller was told, and finished
        List<Map<String, Object>> tickets = jdbc.sql("""
                select t.id, t.status, t.window_id,
                       (select count(*) from q_ticket_history h where h.ticket_id = t.id and h.action = 'CALL') as calls
                from q_ticket t where t.centre_id = :c""").param("c", f.centreId()).query().listOfRows();
        assertThat(tickets).hasSize(TICKETS).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("DONE");
            assertThat(((Number) row.get("calls")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get("window_id")).longValue()).isEqualTo(calledBy.get(((Number) row.get("id")).longValue()));
        });
        // each window's history alternates CALL, FINISH: it never held two tickets at once
        for (long window : f.windows()) {
            List<Map<String, Object>> history = jdbc.sql("""
                    select ticket_id, action from q_ticket_history where window_id = :w and action in ('CALL', 'FINISH')
                    order by id""").param("w", window).query().listOfRows();
            Long open = null;
            Map<String, Integer> seen = new HashMap<>();
            for (Map<String, Object> h : history) {
                long ticket = ((Number) h.get("ticket_id")).longValue();
                String action = (String) h.get("action");
                seen.merge(action, 1, Integer::sum);
                if (action.equals("CALL")) {
                    assertThat(open).as("window %d called %d while holding %s", window, ticket, open).isNull();
                    open = ticket;
                } else {
                    assertThat(open).isEqualTo(ticket);
                    open = null;
                }
            }
            assertThat(open).isNull();
            assertThat(seen.getOrDefault("CALL", 0)).isEqualTo(seen.getOrDefault("FINISH", 0));
        }
        assertThat(jdbc.sql("select count(*) from q_window_state where centre_id = :c and current_ticket_id is not null")
                .param("c", f.centreId()).query(Long.class).single()).isZero();
    }
}
