package org.perfect21.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfect21.history.RunDocument;
import org.perfect21.history.SelectionRecords;
import org.perfect21.workflow.PhaseDefinition;
import org.perfect21.workflow.PreparedAgent;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.stereotype.Component;

/**
 * Turns a run's auto phases into phases that list the agents chosen for it, so the engine runs them like any other:
 * the first plan of a run chooses and records each phase's agents; every later plan (a restart) takes up what was
 * recorded, never choosing again, as the history the choice was ranked by has changed since.
 */
@Component
public class AutoPhaseResolver {

    private final AgentSelector selector;
    private final SelectionRecords records;

    AutoPhaseResolver(AgentSelector selector, SelectionRecords records) {
        this.selector = selector;
        this.records = records;
    }

    /**
     * The workflow as the run executes it; a workflow without auto phases is returned as it is, without a database read.
     *
     * @throws RecordedSelectionException when a recorded agent is no longer a candidate of its phase
     */
    public WorkflowDefinition resolve(String runId, WorkflowDefinition workflow, Map<String, Object> params) {
        if (workflow.phases().stream().noneMatch(PhaseDefinition::isAuto)) {
            return workflow;
        }
        Map<Integer, RunDocument.Selection> recorded = records.of(runId);
        List<PhaseDefinition> phases = new ArrayList<>(workflow.phases());
        for (int index = 0; index < phases.size(); index++) {
            PhaseDefinition phase = phases.get(index);
            if (!phase.isAuto()) {
                continue;
            }
            RunDocument.Selection selection = recorded.get(index);
            if (selection == null) {
                selection = selector.select(phase.auto(), params);
                if (!records.record(runId, index, phase.name(), selection)) {
                    // Another plan of the same run recorded first: its choice is the run's.
                    selection = records.of(runId).get(index);
                }
            }
            phases.set(index, phase.withAgents(agents(runId, phase, selection)));
        }
        return workflow.withPhases(phases);
    }

    private static List<PreparedAgent> agents(String runId, PhaseDefinition phase, RunDocument.Selection selection) {
        List<PreparedAgent> agents = new ArrayList<>();
        for (RunDocument.Chosen chosen : selection.chosen()) {
            PreparedAgent agent = phase.auto().candidate(chosen.agent());
            if (agent == null) {
                throw new RecordedSelectionException("run " + runId + ": phase '" + phase.name() + "' chose agent '"
                        + chosen.agent() + "', which is no longer one of its candidates");
            }
            agents.add(agent);
        }
        return agents;
    }
}
