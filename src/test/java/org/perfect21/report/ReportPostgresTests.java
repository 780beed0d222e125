package org.perfect21.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The report cases on PostgreSQL: the same rows as on H2. Off by default; run with a database URL, e.g.
 * {@code mvn -o test -Dtest=ReportPostgresTests -Dperfect21.pg-url=jdbc:postgresql://127.0.0.1:5432/test
 * -Dperfect21.pg-user=postgres} (optional {@code -Dperfect21.pg-password}). It works in a schema of its own, dropped
 * afterwards: Spring Batch's PostgreSQL schema, then the platform's migrations V3 to V8 with CLOB read as TEXT (the
 * Quartz tables of V2 are not needed). The session time zone is set to Asia/Kolkata (+05:30) so that a report
 * relying on a UTC session would show it.
 */
@EnabledIfSystemProperty(named = "perfect21.pg-url", matches = ".+")
class ReportPostgresTests extends ReportCases {

    private final String schema = "p21_reports_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private SingleConnectionDataSource dataSource;

    @Override
    JdbcTemplate createDatabase() throws Exception {
        dataSource = new SingleConnectionDataSource(System.getProperty("perfect21.pg-url"),
                System.getProperty("perfect21.pg-user", "postgres"), System.getProperty("perfect21.pg-password", ""), true);
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
