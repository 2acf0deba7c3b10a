package org.openhall.shared;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Turns "cannot connect to the database" at start-up into one clear message naming the URL and the
 * environment variables that set it, instead of a long stack trace.
 */
public class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        SQLException sql = find(failure);
        if (sql == null) {
            return null;
        }
        String state = sql.getSQLState();
        boolean connection = (state != null && (state.startsWith("08") || state.equals("28P01") || state.equals("3D000")))
                || String.valueOf(sql.getMessage()).toLowerCase().contains("connection");
        if (!connection) {
            return null;
        }
        String url = Binder.get(environment).bind("spring.datasource.url", String.class).orElse("?");
        return new FailureAnalysis(
                "OpenHall cannot connect to its database at " + url + ": " + sql.getMessage(),
                "Check that the database server is running and reachable, and that OPENHALL_DB_URL, OPENHALL_DB_USER and "
                        + "OPENHALL_DB_PASSWORD are right (see README, 'On PostgreSQL'). Without them OpenHall uses its embedded "
                        + "H2 database under ./data.",
                failure);
    }

    private static @Nullable SQLException find(@Nullable Throwable t) {
        while (t != null) {
            if (t instanceof SQLException s) {
                return s;
            }
            t = t.getCause();
        }
        return null;
    }
}
