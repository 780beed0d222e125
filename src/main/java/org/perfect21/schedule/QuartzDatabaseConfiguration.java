package org.perfect21.schedule;

import java.util.Map;
import java.util.Properties;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC job store in the platform database's dialect. On PostgreSQL:
 * <ul>
 * <li>its {@link PostgreSQLDelegate}, which reads the job data of the {@code BYTEA} columns (Quartz's standard
 * delegate reads them as BLOBs, which PostgreSQL's driver refuses);</li>
 * <li>clustered: every node on the database shares the triggers, each fire runs on one of them, and a node's
 * fires in progress are recovered by another when its check-in lapses. The instance id is Quartz's AUTO (host name
 * and time); triggers are acquired under the job store's row lock.</li>
 * </ul>
 * H2 is the one-node default and stays unclustered. A value set in {@code spring.quartz.properties} still wins.
 */
@Configuration(proxyBeanMethods = false)
class QuartzDatabaseConfiguration {

    static final Map<String, String> POSTGRES = Map.of(
            "org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName(),
            "org.quartz.jobStore.isClustered", "true",
            "org.quartz.scheduler.instanceId", "AUTO",
            "org.quartz.jobStore.acquireTriggersWithinLock", "true");

    @Bean
    SchedulerFactoryBeanCustomizer quartzOnPostgres(DataSourceProperties dataSource, QuartzProperties quartz) {
        return factory -> {
            if (DatabaseDriver.fromJdbcUrl(dataSource.determineUrl()) == DatabaseDriver.POSTGRESQL) {
                // Boot has set the spring.quartz.properties already; they are set again with these beneath them.
                Properties properties = new Properties();
                properties.putAll(POSTGRES);
                properties.putAll(quartz.getProperties());
                factory.setQuartzProperties(properties);
            }
        };
    }
}
