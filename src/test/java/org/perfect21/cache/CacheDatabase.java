package org.perfect21.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.perfect21.testing.Migrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An in-memory H2 database migrated by the application's Flyway scripts, for the cold tier. Its
 * JdbcTemplate records the JDBC batches it sends, so tests can tell one batch from many statements.
 */
final class CacheDatabase {

    final DataSource dataSource;
    final RecordingJdbcTemplate jdbc;
    final TransactionTemplate transaction;

    CacheDatabase() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:cache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Migrations.migrateH2(dataSource);
        jdbc = new RecordingJdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM P21_RESULT_CACHE", Integer.class);
    }

    void clear() {
        jdbc.update("DELETE FROM P21_RESULT_CACHE");
        jdbc.batches.clear();
    }

    void close() {
        jdbc.execute("SHUTDOWN");
    }

    /** Records the size of every JDBC batch sent through it. */
    static final class RecordingJdbcTemplate extends JdbcTemplate {

        final List<Integer> batches = new ArrayList<>();

        RecordingJdbcTemplate(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
                                       ParameterizedPreparedStatementSetter<T> pss) {
            synchronized (batches) {
                batches.add(batchArgs.size());
            }
            return super.batchUpdate(sql, batchArgs, batchSize, pss);
        }
    }
}
