package org.perfect21.bench;

import java.util.Map;

import org.perfect21.execution.RunOutcome;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.workflow.Definitions;

/** Perfect21 itself: {@link WorkflowRunner#run} with the run document's agent durations. */
final class Perfect21Contender implements Contender {

    private final WorkflowRunner runner;
    private final Definitions definitions;

    Perfect21Contender(WorkflowRunner runner, Definitions definitions) {
        this.runner = runner;
        this.definitions = definitions;
    }

    @Override
    public String name() {
        return "Perfect21";
    }

    @Override
    public boolean runToEnd(Workload workload) {
        return RunStatus.COMPLETED == runner.execute(definitions.workflow(workload.name()).orElseThrow(), Map.of()).status();
    }

    @Override
    public RunSample run(Workload workload) {
        var workflow = definitions.workflow(workload.name()).orElseThrow();
        long start = System.nanoTime();
        RunOutcome outcome = runner.execute(workflow, Map.of());
        long wall = System.nanoTime() - start;
        // Read back outside the timed call, as the peer reports from memory.
        RunDocument document = runner.document(outcome.runId());
        long criticalMs = 0;
        int succeeded = 0;
        int agents = 0;
        for (RunDocument.Phase phase : document.phases()) {
            for (RunDocument.Agent agent : phase.agents()) {
                agents++;
                if (AgentStatus.COMPLETED == agent.status()) {
                    succeeded++;
                }
                if (agent.durationMs() != null) {
                    criticalMs = Math.max(criticalMs, agent.durationMs());
                }
            }
        }
        return new RunSample(wall, criticalMs * 1_000_000, succeeded, Math.max(agents, workload.agents()),
                RunStatus.COMPLETED == document.status());
    }
}
