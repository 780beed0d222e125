package org.perfect21.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The Spring context of a one-shot command ({@code run}, {@code restart}, {@code validate}, {@code report},
 * {@code purge}): the engine, its database (Flyway still migrates) and the definitions, without the web server,
 * security, OpenAPI, actuator or the Quartz scheduler. Of the auto-configurations on the classpath only the allow-list
 * below applies; the REST controllers and the schedule beans are not scanned. The server's context is not touched.
 */
final class OneShotContext {

    /** Packages whose components only the server uses (REST API, security, schedules). */
    private static final List<String> SERVER_PACKAGES = List.of("org.perfect21.api.", "org.perfect21.web.",
            "org.perfect21.schedule.");

    /** Configurations outside those packages that only feed the Quartz scheduler. */
    private static final Set<String> SCHEDULER_CONFIGURATIONS = Set.of(
            "org.perfect21.retention.RetentionScheduleConfiguration",
            "org.perfect21.rollup.RollupScheduleConfiguration",
            "org.perfect21.optimizer.OptimizerSchedule");

    private OneShotContext() {
    }

    static SpringApplicationBuilder apply(SpringApplicationBuilder builder) {
        // Auto-configuration by the allow-list alone: @EnableAutoConfiguration is off, so the candidates of every jar on
        // the classpath are neither loaded nor checked against an exclusion list (that cost most of a command's start).
        return builder.sources(AllowedAutoConfigurations.class)
                .properties(EnableAutoConfiguration.ENABLED_OVERRIDE_PROPERTY + "=false")
                .initializers(new ExcludeServerComponents());
    }

    /**
     * The allow-list: configuration properties, AOP, Jackson, JDBC and transactions, Flyway, Spring Batch, and the
     * metrics the engine records, kept in a SimpleMeterRegistry that nobody exports. Boot sorts them by their own
     * ordering annotations and evaluates their conditions as usual. Not a {@code @Configuration}, so that the server's
     * component scan never finds it: it is a source of the one-shot context alone.
     */
    @ImportAutoConfiguration(classes = {
            org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration.class,
            org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
            org.springframework.boot.autoconfigure.aop.AopAutoConfiguration.class,
            org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
            org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
            org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration.class,
            org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration.class,
            org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration.class,
            org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration.class,
            org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class,
            org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration.class,
            org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration.class,
            org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration.class,
            org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration.class})
    static class AllowedAutoConfigurations {
    }

    /** Registers the scan filter before the component scan runs (Boot's TypeExcludeFilter consults such beans). */
    private static final class ExcludeServerComponents implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton(ServerComponents.class.getName(), new ServerComponents());
        }
    }

    static final class ServerComponents extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String name = reader.getClassMetadata().getClassName();
            var annotations = reader.getAnnotationMetadata();
            return SERVER_PACKAGES.stream().anyMatch(name::startsWith)
                    || SCHEDULER_CONFIGURATIONS.contains(name)
                    || annotations.hasMetaAnnotation(Controller.class.getName())
                    || annotations.hasAnnotation(Controller.class.getName())
                    || annotations.hasMetaAnnotation(ControllerAdvice.class.getName())
                    || annotations.hasAnnotation(ControllerAdvice.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
