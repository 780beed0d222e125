package org.perfect21.cli;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.Perfect21Application;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.report.ReportRunner;
import org.perfect21.retention.RunPurger;
import org.quartz.Scheduler;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-shot command's context holds the engine and a migrated database, and nothing of the server. */
class OneShotContextTests {

    @TempDir
    Path dir;

    @Test
    void aCommandsContextStartsNoWebServerSecurityOpenApiActuatorOrScheduler() {
        try (ConfigurableApplicationContext context = start(false)) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(ServletWebServerFactory.class)).isEmpty();
            assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SchedulerFactoryBean.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
            assertThat(context.getBeanNamesForAnnotation(Controller.class)).isEmpty();
            assertThat(context.getBeanNamesForAnnotation(ControllerAdvice.class)).isEmpty();
            assertThat(beanClassesOf(context)).noneMatch(type -> type.startsWith("org.springdoc.")
                    || type.startsWith("org.springframework.boot.actuate.") || type.startsWith("org.quartz.")
                    || type.startsWith("org.springframework.security.") || type.startsWith("org.apache.catalina."));
        }
    }

    @Test
    void aCommandsContextHasWhatTheCommandsUseOnAMigratedDatabase() {
        try (ConfigurableApplicationContext context = start(false)) {
            assertThat(context.getBean(WorkflowRunner.class)).isNotNull();
            assertThat(context.getBean(RunPurger.class)).isNotNull();
            assertThat(context.getBean(ReportRunner.class)).isNotNull();
            Integer migrations = context.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from \"flyway_schema_history\" where \"success\"", Integer.class);
            assertThat(migrations).isPositive();
        }
    }

    @Test
    void validatingCreatesNoDatabaseAndNoScheduler() {
        try (ConfigurableApplicationContext context = start(true)) {
            assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
            assertThat(context.getBeanNamesForType(ServletWebServerFactory.class)).isEmpty();
        }
        assertThat(dir.resolve("data/perfect21.mv.db")).doesNotExist();
    }

    private ConfigurableApplicationContext start(boolean definitionsOnly) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return new Perfect21Cli(Perfect21Application.class, quiet, quiet).start(List.of(
                "--perfect21.data-dir=" + dir.resolve("data"), "--perfect21.jobs-dir=jobs"), definitionsOnly);
    }

    private static List<String> beanClassesOf(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(name -> context.getBeanFactory().getType(name, false))
                .filter(type -> type != null)
                .map(Class::getName)
                .toList();
    }
}
