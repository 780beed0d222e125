package org.perfect21.bench;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One phase of {@code agents} simulated agents; {@code latency} null means no-op (completes at once).
 * Written as a workflow file so Perfect21 loads it like any other, and the peers reuse the agents it prepared.
 */
record Workload(String name, int agents, String latency, String outputBytes) {

    static Workload timed(int agents) {
        return new Workload("bench-" + agents + "x200ms", agents, "150ms..250ms", "15KB");
    }

    static Workload noOp(int agents) {
        return new Workload("bench-" + agents + "x-noop", agents, null, "0B");
    }

    boolean isNoOp() {
        return latency == null;
    }

    String label() {
        return isNoOp() ? agents + " × no-op" : agents + " × 200 ms ±50 ms, " + outputBytes;
    }

    String yaml() {
        String agentList = IntStream.rangeClosed(1, agents)
                .mapToObj(i -> "      - {name: a" + i + ", kind: simulated"
                        + (latency == null ? "" : ", latency: " + latency) + ", outputBytes: " + outputBytes + "}")
                .collect(Collectors.joining("\n"));
        return "name: " + name + "\n"
                + "description: benchmark workload, " + label() + "\n"
                + "phases:\n"
                + "  - name: work\n"
                + "    agents:\n" + agentList + "\n";
    }
}
