package org.perfect21.optimizer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.perfect21.testing.EngineTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The optimizer's and memory pressure's tests: a small pool and two run slots the optimizer sizes, memory marks at
 * 99 % and 98 % (so any real heap is below low and only a simulated notification raises pressure), a recording cache,
 * and the quick and failing workflows of {@code src/test/jobs/optimizer}. The classes that use it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EngineTest
@Import(RecordingCache.Config.class)
@TestPropertySource(properties = {
        // A trigger fired by hand is written row by row; a scan that reads it half-written fails and Quartz waits
        // dbRetryInterval (15 s by default) before scanning again, longer than a test waits for the fire.
        "spring.quartz.properties.org.quartz.jobStore.dbRetryInterval=500",
        "perfect21.jobs-dir=src/test/jobs/optimizer",
        "perfect21.execution.agent-threads=10",
        "perfect21.execution.max-concurrent-runs=2",
        "perfect21.optimizer.min-agent-threads=4",
        "perfect21.optimizer.max-agent-threads=20",
        "perfect21.memory.high=0.99",
        "perfect21.memory.low=0.98"})
@interface OptimizerTest {
}
