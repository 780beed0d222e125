package org.perfect21.execution.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfect21.execution.live.PhaseAgents;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deals a phase's agents round-robin into at most {@code gridSize} partitions, and the phase's parallelism among them.
 * A partition's agents are worked out from its number (in its step's name) and the split recorded here when Spring
 * Batch asks for it, never from a partition's saved context: a partition that runs again in a later iteration of a
 * gate's repeat gets the context of its earlier run, and a forEach may have given that iteration other agents.
 */
final class PhasePartitioner implements Partitioner {

    private static final String PARTITION = "partition";

    private final PhaseAgents agents;
    private final int phaseIndex;

    PhasePartitioner(PhaseAgents agents, int phaseIndex) {
        this.agents = agents;
        this.phaseIndex = phaseIndex;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = Math.max(1, Math.min(gridSize, agents.of(phaseIndex).size()));
        agents.recordPartitions(phaseIndex, partitions);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            contexts.put(PARTITION + p, new ExecutionContext());
        }
        return contexts;
    }

    /** The indexes of the agents of the partition whose worker step is named {@code stepName}. */
    static List<Integer> agentsOf(String stepName, int partitions, int agents) {
        int partition = partitionOf(stepName);
        List<Integer> dealt = new ArrayList<>();
        for (int agent = partition; agent < agents; agent += partitions) {
            dealt.add(agent);
        }
        return dealt;
    }

    /** The partition's share of the phase's parallelism: all partitions together never exceed it. */
    static int parallelismOf(String stepName, int partitions, int parallelism) {
        int partition = partitionOf(stepName);
        int share = parallelism / partitions + (partition < parallelism % partitions ? 1 : 0);
        return Math.max(1, share);
    }

    private static int partitionOf(String stepName) {
        return Integer.parseInt(stepName.substring(stepName.lastIndexOf(PARTITION) + PARTITION.length()));
    }
}
