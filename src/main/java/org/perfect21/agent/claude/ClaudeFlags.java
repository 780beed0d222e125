package org.perfect21.agent.claude;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line an agent's definition gives the CLI. Every value goes as {@code --flag=value}, so a system prompt
 * that starts with a dash stays a value.
 *
 * @param model              {@code --model}, or null for the CLI's default ({@code inherit} or no {@code model})
 * @param tools              {@code --allowedTools}: tools used without asking
 * @param disallowedTools    {@code --disallowedTools}: tools taken away
 * @param maxTurns           {@code --max-turns}, or null for no limit
 * @param permissionMode     {@code --permission-mode}
 * @param replaceSystemPrompt whether the body replaces Claude Code's system prompt ({@code systemPrompt: replace})
 *                           instead of being appended to it
 */
record ClaudeFlags(String model, List<String> tools, List<String> disallowedTools, Long maxTurns,
                   String permissionMode, boolean replaceSystemPrompt) {

    /** Claude Code's permission modes ({@code claude --help} lists all but {@code default}, which it accepts). */
    static final List<String> PERMISSION_MODES = List.of("default", "acceptEdits", "auto", "bypassPermissions", "dontAsk",
            "manual", "plan");
    static final String PERMISSION_MODES_PATTERN = "default|acceptEdits|auto|bypassPermissions|dontAsk|manual|plan";

    /** The argv: {@code command -p --output-format=json} and the flags; the body, when not empty, as system prompt. */
    List<String> argv(String command, String systemPrompt) {
        List<String> argv = new ArrayList<>(List.of(command, "-p", "--output-format=json"));
        if (model != null) {
            argv.add("--model=" + model);
        }
        if (maxTurns != null) {
            argv.add("--max-turns=" + maxTurns);
        }
        tools.forEach(tool -> argv.add("--allowedTools=" + tool));
        disallowedTools.forEach(tool -> argv.add("--disallowedTools=" + tool));
        argv.add("--permission-mode=" + permissionMode);
        if (!systemPrompt.isEmpty()) {
            argv.add((replaceSystemPrompt ? "--system-prompt=" : "--append-system-prompt=") + systemPrompt);
        }
        return argv;
    }
}
