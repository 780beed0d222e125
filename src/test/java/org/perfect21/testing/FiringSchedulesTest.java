package org.perfect21.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * An {@link EngineTest} whose scheduler fires the platform's own Quartz jobs every second, as a server's would on
 * their crons: the retention purge (in Asia/Tokyo, to see the zone applied) and the hourly rollup. The classes
 * that use it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EngineTest
@TestPropertySource(properties = {
        "perfect21.retention.cron=* * * * * ?",
        "perfect21.retention.zone=Asia/Tokyo",
        "perfect21.rollup.cron=* * * * * ?",
        "spring.quartz.auto-startup=true"})
public @interface FiringSchedulesTest {
}
