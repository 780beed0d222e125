package org.perfect21.agent.claude;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Claude Code agents ({@code perfect21.agents.claude.*}).
 *
 * @param command        the Claude Code CLI: a program on the PATH or a path to it
 * @param permissionMode the permission mode of agents that name none ({@code permissionMode}); {@code dontAsk} lets an
 *                       agent use the tools it lists and refuses the others, as nobody is there to be asked
 * @param environment    variables set for every claude process, after the few it inherits (PATH, HOME, LANG,
 *                       ANTHROPIC_*, CLAUDE_*) and before the agent's {@code env}, e.g.
 *                       {@code perfect21.agents.claude.environment.ANTHROPIC_BASE_URL=https://gateway.example}
 * @param maxOutput      the most of the CLI's answer (its JSON document on stdout) read; a larger answer fails
 */
@Validated
@ConfigurationProperties("perfect21.agents.claude")
public record ClaudeProperties(
        @DefaultValue("claude") @NotBlank String command,
        @DefaultValue("dontAsk") @Pattern(regexp = ClaudeFlags.PERMISSION_MODES_PATTERN) String permissionMode,
        Map<String, String> environment,
        @DefaultValue("4MB") DataSize maxOutput) {

    public ClaudeProperties {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
