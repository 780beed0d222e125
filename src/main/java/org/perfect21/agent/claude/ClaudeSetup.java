package org.perfect21.agent.claude;

import java.util.Map;

import org.perfect21.agent.RunWorkspaces;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Claude Code agent shares: the kind's properties, the JVM's environment (of which the allow-list passes),
 * where runs' workspaces go, the JSON reader of the CLI's answers.
 */
record ClaudeSetup(ClaudeProperties properties, Map<String, String> jvmEnvironment, RunWorkspaces workspaces, JsonMapper json) {
}
