package org.perfect21.execution.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deals a phase's agents round-robin into at most {@code gridSize} partitions, and the phase's
 * parallelism among them. Each partition's context names its agents by index.
 */
final class PhasePartitioner implements Partitioner {

    static final String AGENTS = "agents";
    static final String PARALLELISM = "parallelism";

    private final int agents;
    private final int parallelism;

    PhasePartitioner(int agents, int parallelism) {
        this.agents = agents;
        this.parallelism = parallelism;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = Math.max(1, Math.min(gridSize, agents));
        List<List<Integer>> dealt = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            dealt.add(new ArrayList<>());
        }
        for (int agent = 0; agent < agents; agent++) {
            dealt.get(agent % partitions).add(agent);
        }
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(AGENTS, dealt.get(p).stream().map(String::valueOf).collect(Collectors.joining(",")));
            // Split the phase's parallelism so that all partitions together never exceed it.
            int share = parallelism / partitions + (p < parallelism % partitions ? 1 : 0);
            context.putInt(PARALLELISM, Math.max(1, share));
            contexts.put("partition" + p, context);
        }
        return contexts;
    }

    static List<Integer> agentsOf(ExecutionContext context) {
        String list = context.getString(AGENTS);
        if (list.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }
}
