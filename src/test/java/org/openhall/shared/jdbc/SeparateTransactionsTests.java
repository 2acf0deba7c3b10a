package org.openhall.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openhall.notification.Delivery;
import org.openhall.notification.DeliveryStatus;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that must commit on its own (a notification's record, CASE-7; a case number, CASE-3) never waits for a second
 * connection of the application's pool: with every connection of that pool held by a transaction that then records a
 * notification — what as many module listeners at once do — all of them finish, at once, instead of waiting for each
 * other until the pool's timeout fails them.
 */
@SpringBootTest
class SeparateTransactionsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    SeparateTransactions separate;

    @Test
    void aFullPoolOfCallersEachRecordingANotificationAllFinish() throws Exception {
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        CyclicBarrier allHoldOne = new CyclicBarrier(connections);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Delivery>> sent = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int n = i;
                sent.add(threads.submit(() -> tx.execute(status -> {
                    jdbc.sql("select 1").query(Integer.class).single(); // this transaction holds its connection
                    try {
                        allHoldOne.await(30, TimeUnit.SECONDS); // ... and so does every other: the pool is empty
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return notifications.message(7, Inbox.staff(930_000 + n), "池满测试", "第" + n + "条", null);
                })));
            }
            long started = System.nanoTime();
            for (Future<Delivery> f : sent) {
                assertThat(f.get(60, TimeUnit.SECONDS).status()).isEqualTo(DeliveryStatus.SENT);
            }
            // well below the pool's connection timeout: nobody waited for a connection of the full pool
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(
                    dataSource.unwrap(HikariDataSource.class).getConnectionTimeout());
        } finally {
            threads.shutdownNow();
        }
        for (int i = 0; i < connections; i++) {
            assertThat(notifications.messages(Inbox.staff(930_000 + i), 5)).extracting(m -> m.body())
                    .containsExactly("第" + i + "条");
        }
    }

    @Test
    void separateWorkCommitsWhateverTheCallerDoesAfterwards() {
        jdbc.sql("create table if not exists sep_probe (id int primary key)").update();
        tx.executeWithoutResult(status -> {
            separate.execute(side -> side.sql("insert into sep_probe (id) values (41)").update());
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from sep_probe where id = 41").query(Integer.class).single()).isEqualTo(1);
        jdbc.sql("drop table sep_probe").update();
    }
}
