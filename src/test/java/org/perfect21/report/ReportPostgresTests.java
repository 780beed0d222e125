package org.perfect21.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The report cases on PostgreSQL: the same rows as on H2. Runs by default against the PostgreSQL of the development and
 * CI machines, {@value #DEFAULT_URL} as user {@code postgres} without a password (trust); another database with
 * {@code -Dperfect21.pg-url=... -Dperfect21.pg-user=...} (and {@code -Dperfect21.pg-password}). When the database cannot be
 * reached the cases fail, saying how to start it: a skipped PostgreSQL check would pass unnoticed. It works in a schema
 * of its own, dropped afterwards: Spring Batch's PostgreSQL schema, then the platform's migrations from V3 with CLOB read
 * as TEXT (the Quartz tables of V2 are not needed). The session time zone is set to Asia/Kolkata (+05:30) so that a
 * report relying on a UTC session would show it.
 */
class ReportPostgresTests extends ReportCases {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    private final String schema = "p21_reports_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource dataSource;

    @Override
    JdbcTemplate createDatabase() throws Exception {
        String url = System.getProperty("perfect21.pg-url", DEFAULT_URL);
        String user = System.getProperty("perfect21.pg-user", "postgres");
        dataSource = new SingleConnectionDataSource(url, user, System.getProperty("perfect21.pg-password", ""), true);
        try {
            dataSource.getConnection();
        } catch (SQLException e) {
            dataSource = null;
            throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage()
                    + "). The report cases run there too: start it with `" + START + "` (check with `pg_isready -h 127.0.0.1"
                    + " -p 5432`), or point -Dperfect21.pg-url / -Dperfect21.pg-user / -Dperfect21.pg-password at another one.", e);
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("SET search_path TO " + schema);
        jdbc.execute("SET TIME ZONE 'Asia/Kolkata'");
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
            Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
            for (Resource migration : List.of(migrations).stream()
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList()) {
                if (version(migration) >= 3) {
                    String sql = migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("\\bCLOB\\b", "TEXT");
                    ScriptUtils.executeSqlScript(connection, new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8),
                            migration.getFilename()));
                }
            }
        }
        return jdbc;
    }

    private static int version(Resource migration) {
        String name = migration.getFilename();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    @Override
    void dropDatabase() {
        if (dataSource != null) {
            new JdbcTemplate(dataSource).execute("DROP SCHEMA " + schema + " CASCADE");
            dataSource.destroy();
        }
    }
}
