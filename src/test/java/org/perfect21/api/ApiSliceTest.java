package org.perfect21.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.perfect21.api.security.TokenProperties;
import org.perfect21.config.Perfect21Properties;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.RunQueries;
import org.perfect21.launch.RunLauncher;
import org.perfect21.optimizer.DecisionLog;
import org.perfect21.report.ReportCatalog;
import org.perfect21.report.ReportRunner;
import org.perfect21.retention.PurgeRecords;
import org.perfect21.retention.RunPurger;
import org.perfect21.schedule.WorkflowSchedules;
import org.perfect21.workflow.DefinitionCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice of the REST API: every controller, both exception handlers, the error page, the body-size filter and the
 * bearer-token security (tokens from {@link ApiSlice}), in front of mocked collaborators; no engine, database or server.
 * {@link TestProbeController} adds a typed body and a required parameter, which no real endpoint has. Every class that
 * carries this annotation and nothing else of its own gets the same context from the cache; the mocks are autowired by
 * type and reset after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(properties = {
        "perfect21.tokens=" + ApiSlice.TOKENS,
        // Unused while tokens are configured; should they ever be missing, the admin token lands under target/.
        "perfect21.data-dir=target/api-slice-data"},
        // Configurations and components the slice's scan leaves out (they are no controllers, advices or filters).
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "org\\.perfect21\\.api\\.security\\.SecurityConfiguration",
                "org\\.perfect21\\.api\\.problem\\.(BodySizeLimitConfiguration|ProblemResponseWriter)"}))
@EnableConfigurationProperties({ApiProperties.class, TokenProperties.class, Perfect21Properties.class})
@Import(TestProbeController.class)
@MockitoBean(types = {RunLauncher.class, WorkflowRunner.class, RunQueries.class, DefinitionCatalog.class,
        WorkflowSchedules.class, ReportCatalog.class, ReportRunner.class, RunPurger.class, PurgeRecords.class,
        DecisionLog.class})
public @interface ApiSliceTest {
}
