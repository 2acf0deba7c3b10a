package org.openhall.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: an in-memory H2 database by default,
 * or, with {@code -Ddb=postgresql}, a fresh schema in the PostgreSQL database named by
 * {@code OPENHALL_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/openhall_test}).
 * The same suite runs against both.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static String database() {
        return System.getProperty("openhall.test.db", "h2");
    }

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> props = new HashMap<>();
        if ("postgresql".equalsIgnoreCase(database())) {
            String url = env("OPENHALL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/openhall_test");
            String user = env("OPENHALL_TEST_PG_USER", "postgres");
            String password = env("OPENHALL_TEST_PG_PASSWORD", "");
            String schema = "t_" + id;
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("""

                        ************************************************************
                        PostgreSQL test database not reachable at %s as %s: %s
                        Start PostgreSQL and create the database, or run the suite on H2 (the default).
                        ************************************************************""".formatted(url, user, e.getMessage()), e);
            }
            props.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            props.put("spring.datasource.username", user);
            props.put("spring.datasource.password", password);
            // Each test class has its own context and pool; PostgreSQL allows 100 connections in all, so a
            // context keeps a small pool and gives idle connections back (see also spring.properties).
            props.put("spring.datasource.hikari.maximum-pool-size", "10");
            props.put("spring.datasource.hikari.minimum-idle", "1");
            props.put("spring.datasource.hikari.idle-timeout", "10000");
            props.put("spring.datasource.hikari.connection-timeout", "30000");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:oh_" + id
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("openhall-test-db", props));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
