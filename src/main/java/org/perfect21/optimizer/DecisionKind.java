package org.perfect21.optimizer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a recorded decision is about; {@link #wire()} is the name in the database and the API. */
public enum DecisionKind {
    POOL_SIZE("pool-size"),
    SLO("slo"),
    CACHE_TRIM("cache-trim"),
    MEMORY_PRESSURE("memory-pressure");

    private final String wire;

    DecisionKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DecisionKind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    public static List<String> wires() {
        return Arrays.stream(values()).map(DecisionKind::wire).toList();
    }
}
