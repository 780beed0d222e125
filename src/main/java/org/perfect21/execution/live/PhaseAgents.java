package org.perfect21.execution.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.perfect21.workflow.PreparedAgent;
import org.perfect21.workflow.WorkflowDefinition;

/**
 * The agents each phase of a run runs, by index: those written, unless the phase has an agent with a {@code forEach},
 * whose instances are set when the phase starts (its items may come from earlier phases' outputs). Everything that
 * runs, counts or names a phase's agents reads them here.
 */
public final class PhaseAgents {

    private final WorkflowDefinition workflow;
    private final Map<Integer, List<PreparedAgent>> expanded = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> partitions = new ConcurrentHashMap<>();

    public PhaseAgents(WorkflowDefinition workflow) {
        this.workflow = workflow;
    }

    /** The phase's agents in the iteration that runs now. */
    public List<PreparedAgent> of(int phaseIndex) {
        List<PreparedAgent> instances = expanded.get(phaseIndex);
        return instances != null ? instances : workflow.phases().get(phaseIndex).agents();
    }

    /** Whether an agent of the phase runs once per item. */
    public boolean fansOut(int phaseIndex) {
        return workflow.phases().get(phaseIndex).agents().stream().anyMatch(a -> a.fanOut() != null);
    }

    /** Records into how many partitions the phase's agents are dealt, when the phase's step splits. */
    public void recordPartitions(int phaseIndex, int count) {
        partitions.put(phaseIndex, count);
    }

    /** Into how many partitions the phase's agents were dealt. */
    public int partitions(int phaseIndex) {
        Integer count = partitions.get(phaseIndex);
        if (count == null) {
            throw new IllegalStateException("phase " + phaseIndex + " has not been split into partitions");
        }
        return count;
    }

    /** Sets the phase's agents as its forEach expanded them, for the iteration that starts. */
    public void expand(int phaseIndex, List<PreparedAgent> instances) {
        expanded.put(phaseIndex, List.copyOf(instances));
    }
}
