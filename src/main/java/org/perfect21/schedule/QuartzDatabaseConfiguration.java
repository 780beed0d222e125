package org.perfect21.schedule;

import java.util.Properties;

import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz's JDBC job store in the platform database's dialect: on PostgreSQL its {@link PostgreSQLDelegate}, which reads
 * the job data of the {@code BYTEA} columns (Quartz's standard delegate reads them as BLOBs, which PostgreSQL's driver
 * refuses). A {@code driverDelegateClass} set in {@code spring.quartz.properties} still wins.
 */
@Configuration(proxyBeanMethods = false)
class QuartzDatabaseConfiguration {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    @Bean
    SchedulerFactoryBeanCustomizer quartzDriverDelegate(DataSourceProperties dataSource, QuartzProperties quartz) {
        return factory -> {
            if (!quartz.getProperties().containsKey(DELEGATE)
                    && DatabaseDriver.fromJdbcUrl(dataSource.determineUrl()) == DatabaseDriver.POSTGRESQL) {
                // Boot has set the spring.quartz.properties already; they are set again with the delegate among them.
                Properties properties = new Properties();
                properties.putAll(quartz.getProperties());
                properties.put(DELEGATE, PostgreSQLDelegate.class.getName());
                factory.setQuartzProperties(properties);
            }
        };
    }

}
