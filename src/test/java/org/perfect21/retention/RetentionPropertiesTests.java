package org.perfect21.retention;

import java.time.Duration;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** perfect21.retention.*: defaults, and bad values stop the application with a message naming the property. */
class RetentionPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(WithRetention.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RetentionProperties.class)
    static class WithRetention {
    }

    @Test
    void defaultsKeepThirtyDaysAndTenThousandRunsAndPurgeDailyAtThree() {
        context.run(c -> {
            RetentionProperties retention = c.getBean(RetentionProperties.class);
            assertThat(retention.maxAge()).isEqualTo(Duration.ofDays(30));
            assertThat(retention.maxRuns()).isEqualTo(10_000);
            assertThat(retention.cron()).isEqualTo("0 0 3 * * ?");
            assertThat(retention.timeZone()).isEqualTo(TimeZone.getDefault());
            assertThat(retention.batchSize()).isEqualTo(500);
        });
    }

    @Test
    void aZoneAndOtherLimitsAreTaken() {
        context.withPropertyValues("perfect21.retention.zone=Asia/Tokyo", "perfect21.retention.max-age=12h",
                "perfect21.retention.max-runs=50", "perfect21.retention.cron=0 30 1 ? * MON-FRI").run(c -> {
                    RetentionProperties retention = c.getBean(RetentionProperties.class);
                    assertThat(retention.timeZone().getID()).isEqualTo("Asia/Tokyo");
                    assertThat(retention.maxAge()).isEqualTo(Duration.ofHours(12));
                    assertThat(retention.maxRuns()).isEqualTo(50);
                });
    }

    @Test
    void aBadCronStopsStartupNamingTheProperty() {
        assertFailure("perfect21.retention.cron=0 0 25 * * ?", "perfect21.retention.cron: '0 0 25 * * ?' is not a usable Quartz"
                + " cron expression");
        // Five fields (Unix cron) are not enough for Quartz.
        assertFailure("perfect21.retention.cron=0 3 * * *", "perfect21.retention.cron");
        assertFailure("perfect21.retention.cron=0 0 3 * * ? 2001", "it never fires again");
    }

    @Test
    void otherBadValuesStopStartupNamingTheirProperty() {
        assertFailure("perfect21.retention.zone=Mars/Olympus", "perfect21.retention.zone: 'Mars/Olympus' is not a time zone");
        assertFailure("perfect21.retention.max-age=0s", "perfect21.retention.max-age must be a positive duration");
        assertFailure("perfect21.retention.max-runs=0", "maxRuns");
        assertFailure("perfect21.retention.batch-size=100000", "batchSize");
    }

    private void assertFailure(String property, String message) {
        context.withPropertyValues(property).run(c -> {
            assertThat(c).hasFailed();
            Throwable failure = c.getStartupFailure();
            String text = NestedExceptionUtils.getMostSpecificCause(failure).getMessage() + "\n" + failure.getMessage();
            assertThat(text).contains(message);
        });
    }
}
