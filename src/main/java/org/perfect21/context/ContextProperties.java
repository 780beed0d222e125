package org.perfect21.context;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The run context's defaults ({@code perfect21.context.*}); a workflow's {@code context:} key overrides
 * the budget.
 *
 * @param maxBytes       the budget in bytes (UTF-8) when a workflow sets none
 * @param maxTokens      the budget in estimated tokens when a workflow sets none; 0 means maxBytes / bytesPerToken
 * @param bytesPerToken  how many bytes make a token, for outputs whose agent reports no usage
 * @param entryMaxShare  the largest share of the budget one output may take; a longer one keeps its head, with a marker
 */
@Validated
@ConfigurationProperties("perfect21.context")
public record ContextProperties(
        @DefaultValue("150KB") DataSize maxBytes,
        @DefaultValue("0") @Min(0) long maxTokens,
        @DefaultValue("4") @Min(1) @Max(64) int bytesPerToken,
        @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1.0") double entryMaxShare) {

    public static ContextProperties defaults() {
        return new ContextProperties(DataSize.ofKilobytes(150), 0, 4, 0.5);
    }

    /** The budget of a workflow: its own limits where it sets them, these defaults elsewhere. */
    public ContextBudget budget(Long workflowMaxBytes, Long workflowMaxTokens) {
        long bytes = workflowMaxBytes != null ? workflowMaxBytes : maxBytes.toBytes();
        long tokens = workflowMaxTokens != null ? workflowMaxTokens
                : maxTokens > 0 && workflowMaxBytes == null ? maxTokens : Math.max(1, bytes / bytesPerToken);
        return new ContextBudget(Math.max(1, bytes), Math.max(1, tokens), bytesPerToken, entryMaxShare);
    }
}
