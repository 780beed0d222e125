package org.perfect21.selection;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Automatic selection.
 *
 * @param rules          the complexity keywords an auto phase uses where its workflow gives none of its own
 * @param historyResults the most recent results per agent its success rate and p95 duration are computed from
 * @param tieMargin      relevance scores within this fraction of the best score of their group are a near tie, ordered
 *                       by history (0: only equal scores)
 */
@Validated
@ConfigurationProperties("perfect21.selection")
public record SelectionProperties(
        @DefaultValue @Valid Rules rules,
        @DefaultValue("50") @Min(1) @Max(10_000) int historyResults,
        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("0.99") double tieMargin) {

    /**
     * Keywords that make a task complex or simple: found at the start of a word of the task, ignoring case
     * ({@code refactor} finds "Refactoring"); complex wins when both are found; neither is standard.
     */
    public record Rules(
            @DefaultValue({"architect", "design system", "integrate", "migrate", "refactor", "complex"}) List<String> complex,
            @DefaultValue({"fix bug", "typo", "minor", "quick", "simple", "small change"}) List<String> simple) {
    }
}
