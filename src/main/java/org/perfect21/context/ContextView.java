package org.perfect21.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's context as instruction templates see it, built once per commit and shared by every agent of
 * the following phases:
 * <ul>
 *   <li>{@code {{context.text}}}: every held entry as {@code ### phase/agent} and its output;</li>
 *   <li>{@code {{#context.entries}}{{phase}} {{agent}} {{content}}{{/context.entries}}};</li>
 *   <li>{@code {{context.phases.<phase>.<agent>}}}: one output;</li>
 *   <li>{@code {{context.bytes}}}, {@code tokens}, {@code evictions}, {@code budgetBytes};</li>
 *   <li>{@code {{git.branch}}}, {@code {{#git.commits}}...}: the latest {@code git} agent's snapshot.</li>
 * </ul>
 */
public final class ContextView {

    private static final Logger log = LoggerFactory.getLogger(ContextView.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final ContextView EMPTY = new ContextView(List.of(), null);

    private final List<ContextEntry> entries;
    private final ContextTotals totals;
    private volatile Map<String, Object> scope;
    private volatile Map<String, Object> git;

    ContextView(List<ContextEntry> entries, ContextTotals totals) {
        this.entries = entries;
        this.totals = totals;
    }

    public List<ContextEntry> entries() {
        return entries;
    }

    /** The {@code context} template value. */
    public Map<String, Object> scope() {
        Map<String, Object> built = scope;
        if (built == null) {
            built = buildScope();
            scope = built;
        }
        return built;
    }

    /** The {@code git} template value: the latest held {@code git} agent output, parsed; empty when there is none. */
    public Map<String, Object> git() {
        Map<String, Object> built = git;
        if (built == null) {
            built = buildGit();
            git = built;
        }
        return built;
    }

    private Map<String, Object> buildScope() {
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> list = new ArrayList<>(entries.size());
        Map<String, Map<String, Object>> phases = new LinkedHashMap<>();
        for (ContextEntry e : entries) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("### ").append(e.phase()).append('/').append(e.agent()).append('\n').append(e.content());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("phase", e.phase());
            item.put("agent", e.agent());
            item.put("kind", e.kind());
            item.put("content", e.content());
            item.put("bytes", e.bytes());
            item.put("tokens", e.tokens());
            item.put("cut", e.cut());
            list.add(item);
            phases.computeIfAbsent(e.phase(), p -> new LinkedHashMap<>()).put(e.agent(), e.content());
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("text", text.toString());
        scope.put("entries", list);
        scope.put("phases", phases);
        scope.put("bytes", totals == null ? 0L : totals.bytes());
        scope.put("tokens", totals == null ? 0L : totals.tokens());
        scope.put("evictions", totals == null ? 0 : totals.evictions());
        scope.put("budgetBytes", totals == null ? null : totals.budget().maxBytes());
        return scope;
    }

    private Map<String, Object> buildGit() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            ContextEntry e = entries.get(i);
            if ("git".equals(e.kind()) && !e.cut()) {
                try {
                    return JSON.readValue(e.content(), new TypeReference<Map<String, Object>>() { });
                } catch (JacksonException ex) {
                    log.debug("Output of git agent {} is not a JSON snapshot: {}", e.agent(), ex.getOriginalMessage());
                }
            }
        }
        return Map.of();
    }
}
