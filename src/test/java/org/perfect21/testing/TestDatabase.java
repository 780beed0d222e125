package org.perfect21.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The database the Spring tests run on: the embedded H2 file database in each context's scratch directory (the
 * default), or with {@code -Dperfect21.test.database=postgresql} a fresh PostgreSQL database per context, created on
 * the server at {@value #DEFAULT_SERVER} (user {@code postgres}, trust; {@code -Dperfect21.pg-url} and
 * {@code -Dperfect21.pg-user} / {@code -Dperfect21.pg-password} point elsewhere) and dropped when the context closes.
 */
public final class TestDatabase {

    public static final String PROPERTY = "perfect21.test.database";
    public static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    private TestDatabase() {
    }

    public static boolean postgres() {
        String database = System.getProperty(PROPERTY, "h2");
        return switch (database) {
            case "h2" -> false;
            case "postgresql" -> true;
            default -> throw new IllegalStateException("-D" + PROPERTY + "=" + database + ": use h2 or postgresql");
        };
    }

    /** A database of its own on the PostgreSQL server: its datasource properties, and how to drop it. */
    public record Created(Map<String, Object> properties, Runnable drop) {
    }

    /** The PostgreSQL server the tests use, from {@code -Dperfect21.pg-url/-user/-password} or the defaults. */
    public record Server(String url, String user, String password) {

        public static Server configured() {
            return new Server(System.getProperty("perfect21.pg-url", DEFAULT_SERVER),
                    System.getProperty("perfect21.pg-user", "postgres"), System.getProperty("perfect21.pg-password", ""));
        }

        /** What to say when {@code doing} failed on this server: the error, how to start it, how to point elsewhere. */
        public IllegalStateException unreachable(String doing, SQLException e) {
            return new IllegalStateException("PostgreSQL at " + url + " as " + user + ": " + doing + " failed (" + e.getMessage()
                    + "). Start it with `" + START + "` (check with `pg_isready -h 127.0.0.1 -p 5432`), or point"
                    + " -Dperfect21.pg-url / -Dperfect21.pg-user / -Dperfect21.pg-password at another one.", e);
        }
    }

    public static Created createPostgres() {
        Server server = Server.configured();
        String name = "p21_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "CREATE DATABASE " + name);
        String url = server.url().substring(0, server.url().lastIndexOf('/') + 1) + name;
        // Spring's test context cache keeps up to 32 contexts alive: each holds connections only while it works, so
        // together they stay under PostgreSQL's default max_connections (100).
        return new Created(Map.of("spring.datasource.url", url, "spring.datasource.username", server.user(),
                "spring.datasource.password", server.password(), "spring.datasource.hikari.minimum-idle", "0",
                "spring.datasource.hikari.idle-timeout", "10000", "spring.datasource.hikari.maximum-pool-size", "10"),
                () -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void execute(Server server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw server.unreachable(sql, e);
        }
    }
}
