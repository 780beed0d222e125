package org.perfect21.report;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admin reports ({@code perfect21.reports.*}).
 *
 * @param maxRows rows a report returns at most; the answer says when it was cut
 * @param timeout how long a report's query may run before the database cancels it
 */
@Validated
@ConfigurationProperties("perfect21.reports")
public record ReportProperties(@DefaultValue("10000") @Min(1) @Max(1_000_000) int maxRows,
                               @DefaultValue("60s") Duration timeout) {
}
