package org.perfect21.agent.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.perfect21.git.TestRepository;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunQueries;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.EngineTestSupport;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow with a git agent, loaded from YAML and run by the platform: its stored output is the snapshot's JSON, and
 * later phases' templates see it as {@code git}.
 */
class GitWorkflowTests extends EngineTestSupport {

    @Autowired
    RunQueries queries;
    @Autowired
    JsonMapper json;

    @Test
    void aGitAgentRecordsTheSnapshotOfTheRepositoryGivenAsAParameter() throws IOException {
        Path repository = dir.resolve("repo");
        RevCommit head;
        try (TestRepository repo = TestRepository.init(repository)) {
            repo.write("a.txt", "1\n").commitAll("first");
            repo.branch("base");
            head = repo.write("a.txt", "1\n2\n").commitAll("second");
            repo.write("a.txt", "edited by an earlier phase\n");
        }
        Path file = dir.resolve("git-snapshot.yml");
        Files.writeString(file, """
                name: git-snapshot
                parameters:
                  path: {type: path, required: true}
                phases:
                  - name: look
                    agents:
                      - {name: snap, kind: git, repository: "{{params.path}}", commits: 5, base: base}
                  - name: tell
                    agents:
                      - name: report
                        kind: command
                        command: [cat]
                        instruction: "on {{git.branch}}:{{#git.commits}} {{subject}};{{/git.commits}}{{#git.status}} [{{.}}]{{/git.status}}"
                """);
        WorkflowDefinition workflow = loader.loadFiles(List.of(), List.of(file)).workflow("git-snapshot").orElseThrow();

        RunDocument run = runner.run(workflow, Map.of("path", repository.toString()));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        List<RunQueries.StoredOutput> outputs = queries.outputs(run.runId(), "snap");
        assertThat(outputs).hasSize(1);
        JsonNode snapshot = json.readTree(outputs.get(0).output());
        assertThat(snapshot.get("branch").asString()).isEqualTo("main");
        assertThat(snapshot.get("head").asString()).isEqualTo(head.name());
        assertThat(snapshot.get("status").get(0).asString()).isEqualTo(" M a.txt");
        assertThat(snapshot.get("commits").size()).isEqualTo(2);
        assertThat(snapshot.get("diffstat").get("insertions").asInt()).isEqualTo(1);
        // The next phase's instruction reads the snapshot as the git template value; cat echoes it back.
        assertThat(queries.outputs(run.runId(), "report").get(0).output()).isEqualTo("on main: second; first; [ M a.txt]");
    }
}
