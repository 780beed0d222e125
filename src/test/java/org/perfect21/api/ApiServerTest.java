package org.perfect21.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.perfect21.testing.ScratchDirectory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A real server on a random port, with one token per role ({@link ApiClient}), the test probe endpoints, the
 * workflows of {@code src/test/jobs/api} copied into a scratch directory (tests may add files) and a scratch
 * database, both deleted with the context. The API test classes share this one server; a class that needs other
 * settings adds {@code @TestPropertySource} and gets a server of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestProbeController.class)
@ContextConfiguration(initializers = ScratchDirectory.class)
@TestPropertySource(properties = {
        "perfect21.tokens=" + ApiClient.TOKENS,
        ScratchDirectory.JOBS_TEMPLATE + "=src/test/jobs/api",
        "perfect21.retention.cron=0 0 3 1 1 ? 2099",
        "perfect21.rollup.cron=0 5 0 1 1 ? 2099"})
@interface ApiServerTest {
}
