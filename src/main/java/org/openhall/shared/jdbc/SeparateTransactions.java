package org.openhall.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short transactions of their own, committed whatever the caller's transaction does afterwards: a case number taken
 * (CASE-3: never given twice), the record of a notification that went out.
 *
 * <p>They run on a {@link SidePool} of {@value #CONNECTIONS} connections, not as {@code REQUIRES_NEW} on the
 * application's pool: the caller usually holds a connection of that pool already (a web request inside its
 * transaction, an {@code @ApplicationModuleListener}), and with as many such callers at once as the pool has
 * connections each would wait for a second connection that none gives back. Work here takes one side connection and
 * never waits for another, so it always ends.
 */
@Component
public class SeparateTransactions implements DisposableBean {

    /** Side connections; the work done on them is a statement or two. */
    static final int CONNECTIONS = 2;

    private final @Nullable HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SeparateTransactions(DataSource dataSource, PlatformTransactionManager transactions) {
        this.pool = SidePool.copyOf(dataSource, "separate", CONNECTIONS);
        if (pool != null) {
            this.jdbc = JdbcClient.create(pool);
            this.tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        } else {
            this.jdbc = JdbcClient.create(dataSource);
            this.tx = new TransactionTemplate(transactions);
            this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    /** Runs {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
    public <T> T execute(Function<JdbcClient, T> work) {
        return Objects.requireNonNull(tx.execute(status -> work.apply(jdbc)));
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
