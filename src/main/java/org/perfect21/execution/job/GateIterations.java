package org.perfect21.execution.job;

import java.util.List;
import java.util.stream.IntStream;

import org.perfect21.workflow.GateDefinition;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Which iteration of a phase runs now, kept in the job's execution context so that a restart resumes in it
 * (Spring Batch hands a restarted job the context of the execution before). A gate that repeats counts its repeats;
 * a phase's iteration is 1 plus the repeats of every gate whose loop holds it, so each time a phase runs again its
 * iteration grows, and every iteration keeps its own rows.
 */
final class GateIterations {

    private static final String REPEATS = "gate.repeats.";
    private static final String FEEDBACK = "gate.feedback.";

    private GateIterations() {
    }

    /** The iteration phase {@code phaseIndex} is in. */
    static int iteration(WorkflowDefinition workflow, int phaseIndex, ExecutionContext job) {
        return 1 + gatesRepeating(workflow, phaseIndex).map(gate -> repeatsUsed(job, gate)).sum();
    }

    /** Whether a gate's repeat may run the phase again: a restart must then look at it again, complete or not. */
    static boolean repeatable(WorkflowDefinition workflow, int phaseIndex) {
        return gatesRepeating(workflow, phaseIndex).findAny().isPresent();
    }

    /** The indexes of the phases whose gate's repeat holds phase {@code phaseIndex} (from its target to the gate). */
    private static IntStream gatesRepeating(WorkflowDefinition workflow, int phaseIndex) {
        List<PhaseDefinition> phases = workflow.phases();
        return IntStream.range(phaseIndex, phases.size()).filter(gate -> {
            GateDefinition.Repeat repeat = phases.get(gate).gate().repeat();
            return repeat != null && repeat.phaseIndex() <= phaseIndex;
        });
    }

    /** How many times the gate of phase {@code gateIndex} has sent the work back so far in the run. */
    static int repeatsUsed(ExecutionContext job, int gateIndex) {
        return job.getInt(REPEATS + gateIndex, 0);
    }

    /** What the last failed gate whose loop holds the phase said, or "" before any did. */
    static String feedback(ExecutionContext job, int phaseIndex) {
        return job.getString(FEEDBACK + phaseIndex, "");
    }

    /** Counts a repeat of the gate of phase {@code gateIndex}; the phases it runs again read its feedback. */
    static void recordRepeat(ExecutionContext job, WorkflowDefinition workflow, int gateIndex, String feedback) {
        GateDefinition.Repeat repeat = workflow.phases().get(gateIndex).gate().repeat();
        job.putInt(REPEATS + gateIndex, repeatsUsed(job, gateIndex) + 1);
        for (int phase = repeat.phaseIndex(); phase <= gateIndex; phase++) {
            job.putString(FEEDBACK + phase, feedback);
        }
    }
}
