package org.perfect21.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** The agent kinds available in this build, by name. */
@Component
public class AgentKinds {

    private final Map<String, AgentKind> byName = new TreeMap<>();

    public AgentKinds(List<AgentKind> kinds) {
        for (AgentKind kind : kinds) {
            if (byName.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalStateException("two agent kinds are named '" + kind.name() + "'");
            }
        }
    }

    public Optional<AgentKind> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String available() {
        return String.join(", ", byName.keySet());
    }
}
