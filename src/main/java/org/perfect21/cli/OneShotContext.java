package org.perfect21.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.annotation.ImportCandidates;
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

    /** What a command needs; every other auto-configuration on the classpath is excluded (so new ones stay out). */
    static final Set<String> AUTO_CONFIGURATIONS = Set.of(
            "org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
            "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
            // The engine records metrics; a command keeps them in a SimpleMeterRegistry that nobody exports.
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration");

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
        ClassLoader loader = OneShotContext.class.getClassLoader();
        String excluded = StreamSupport.stream(ImportCandidates.load(AutoConfiguration.class, loader).spliterator(), false)
                .filter(name -> !AUTO_CONFIGURATIONS.contains(name))
                .collect(Collectors.joining(","));
        return builder.properties("spring.autoconfigure.exclude=" + excluded)
                .initializers(new ExcludeServerComponents());
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
