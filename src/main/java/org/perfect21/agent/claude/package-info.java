/**
 * The {@code claude} agent kind: a Claude Code subagent run headless by the real {@code claude} CLI
 * ({@code claude -p --output-format json}), its body the system prompt, its instruction on stdin.
 */
package org.perfect21.agent.claude;
