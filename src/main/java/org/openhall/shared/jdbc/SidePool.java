package org.openhall.shared.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A little connection pool beside the application's, with its settings (URL, user, timeouts) and a name of its own.
 *
 * <p>Work that must not wait in the application pool's line takes its connections here: the live events' reads and
 * LISTEN/NOTIFY, and the short transactions of {@link SeparateTransactions}, which run while their thread already holds a
 * connection of the application's pool — from the same pool, as many such threads as connections would each wait for a
 * second one that never comes free (until the pool's timeout fails them all).
 */
public final class SidePool {

    private static final Logger log = LoggerFactory.getLogger(SidePool.class);

    private SidePool() {
    }

    /**
     * A pool of at most {@code size} connections with the settings of {@code app}, named {@code <app's name>-<suffix>};
     * null when {@code app} is no Hikari pool (never in the application; the caller then uses {@code app}).
     */
    public static @Nullable HikariDataSource copyOf(DataSource app, String suffix, int size) {
        try {
            if (!app.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariDataSource hikari = app.unwrap(HikariDataSource.class);
            HikariConfig config = new HikariConfig();
            hikari.copyStateTo(config);
            config.setPoolName((hikari.getPoolName() == null ? "openhall" : hikari.getPoolName()) + "-" + suffix);
            config.setMaximumPoolSize(size);
            config.setMinimumIdle(1);
            config.setAutoCommit(true);
            config.setReadOnly(false);
            config.setRegisterMbeans(false);
            // no metrics of its own (the application's pool is measured); set on the application's pool once it runs
            if (config.getMetricRegistry() != null) {
                config.setMetricRegistry(null);
            }
            if (config.getMetricsTrackerFactory() != null) {
                config.setMetricsTrackerFactory(null);
            }
            config.setHealthCheckRegistry(null);
            // the application's pool reports a database that is not there; this one tries again when asked
            config.setInitializationFailTimeout(-1);
            return new HikariDataSource(config);
        } catch (SQLException | RuntimeException e) {
            log.warn("No pool of its own for {} ({}): it uses the application's", suffix, e.toString());
            return null;
        }
    }
}
