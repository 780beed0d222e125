package org.perfect21.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the engine in a full application context without a web server: the shipped definitions
 * ({@code jobs/}), the {@code probe} agent kind beside the real ones, and a scratch data directory deleted with the
 * context. Test classes that add nothing to it share one context (and one database): each works on runs of its
 * own. A class that needs other settings adds {@code @TestPropertySource} and gets a context of its own, still in
 * a scratch directory. Scheduled purges and rollups never fire during tests (their crons are set far off).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
// Property sources, not @SpringBootTest properties: those would override a test class's own @TestPropertySource.
@TestPropertySource(properties = {
        "perfect21.jobs-dir=jobs",
        "perfect21.retention.cron=0 0 3 1 1 ? 2099",
        "perfect21.rollup.cron=0 5 0 1 1 ? 2099"})
@Import(ProbeConfiguration.class)
@ContextConfiguration(initializers = ScratchDirectory.class)
public @interface EngineTest {
}
