package org.openhall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.openhall.OpenHallApplication;
import org.openhall.test.TestDatabaseInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the load-and-time benchmarks on PostgreSQL share: the server from the {@code bench.pg.*} properties, a fresh
 * database migrated with the Flyway API, the application started on it (no demo data, no scheduled 电子监察 scan,
 * nothing dispatched), and the little printing and timing helpers.
 */
public final class PostgresBench {

    private PostgresBench() {
    }

    /**
     * A PostgreSQL server: {@code url} is the JDBC URL without a database name
     * ({@code jdbc:postgresql://127.0.0.1:5432/}).
     */
    public record Server(String url, String user, String password) {

        /** {@code bench.pg.url} ({@code jdbc:postgresql://127.0.0.1:5432/}), {@code bench.pg.user}, {@code bench.pg.password}. */
        public static Server fromProperties() {
            return new Server(System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/"),
                    System.getProperty("bench.pg.user", "postgres"), System.getProperty("bench.pg.password", ""));
        }

        public String jdbcUrl(String database) {
            return url + database;
        }

        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), user, password);
        }
    }

    /** Drops (closing its connections) and creates the database. */
    public static void recreateDatabase(Server server, String database) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    /** The application's migrations, with the Flyway API (the application itself starts with Flyway off). */
    public static void migrate(Server server, String database) {
        Flyway.configure().dataSource(server.jdbcUrl(database), server.user(), server.password())
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
    }

    /**
     * Starts the application on the database: Flyway off (see {@link #migrate}), a random port, warnings only in the log,
     * no demo data, the scheduled 电子监察 scan off and no warning dispatched, {@code openhall.default-zone} as given.
     * {@code sources} are added to the application's own (e.g. a configuration with a {@code @Primary} clock);
     * {@code args} are further {@code --name=value} arguments, none of the names above.
     */
    public static ConfigurableApplicationContext startApplication(Server server, String database, String zone,
            List<Class<?>> sources, String... args) {
        List<Class<?>> all = new ArrayList<>();
        all.add(OpenHallApplication.class);
        all.addAll(sources);
        SpringApplication app = new SpringApplication(all.toArray(Class<?>[]::new));
        // the test classpath registers the per-test database initializer: the benchmark names its own database
        app.setInitializers(app.getInitializers().stream().filter(i -> !(i instanceof TestDatabaseInitializer)).toList());
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + server.jdbcUrl(database), "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(), "--spring.flyway.enabled=false", "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--openhall.demo.enabled=false",
                "--openhall.cases.warnings.enabled=false", "--openhall.cases.warnings.dispatch-max-per-run=0",
                "--openhall.default-zone=" + zone));
        arguments.addAll(List.of(args));
        return app.run(arguments.toArray(String[]::new));
    }

    /** The port the started application listens on. */
    public static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String version(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        return v.get(v.size() / 2);
    }

    public static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    public static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static void step(String what) {
        System.out.println("[bench] " + what);
    }
}
