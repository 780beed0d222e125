package org.perfect21.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Instruction templates ({@code perfect21.templates.*}).
 *
 * @param cacheSize compiled templates kept, by their text; a definitions reload recompiles only what changed
 */
@Validated
@ConfigurationProperties("perfect21.templates")
public record TemplateProperties(@DefaultValue("256") @Min(1) @Max(1_000_000) int cacheSize) {
}
