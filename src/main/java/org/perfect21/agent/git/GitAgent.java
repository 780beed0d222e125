package org.perfect21.agent.git;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.git.GitSnapshot;
import org.perfect21.git.GitSnapshotException;
import org.perfect21.git.GitSnapshots;
import org.perfect21.git.NotARepositoryException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A prepared git agent. The snapshot reads files, so it runs on the agent executor; it is short and is not
 * interrupted when the attempt times out (its result is then ignored).
 */
final class GitAgent implements AgentRunner {

    private final String name;
    private final Template repository;
    private final int commits;
    private final Template base;
    private final GitSnapshots snapshots;
    private final JsonMapper json;

    GitAgent(String name, Template repository, int commits, Template base, GitSnapshots snapshots, JsonMapper json) {
        this.name = name;
        this.repository = repository;
        this.commits = commits;
        this.base = base;
        this.snapshots = snapshots;
        this.json = json;
    }

    @Override
    public CompletableFuture<AgentOutcome> start(AgentCall call) {
        Map<String, Object> scope = call.settingsScope(name);
        String path = repository.render(scope);
        String baseRef = base == null ? null : base.render(scope);
        return CompletableFuture.supplyAsync(() -> snapshot(path, baseRef), call.executor());
    }

    private AgentOutcome snapshot(String path, String baseRef) {
        try {
            if (path.isBlank()) {
                return AgentOutcome.failure("repository rendered to an empty path");
            }
            // Relative paths resolve against the process's working directory.
            GitSnapshot snapshot = snapshots.snapshot(Path.of(path).toAbsolutePath(), commits,
                    baseRef == null || baseRef.isBlank() ? null : baseRef);
            return AgentOutcome.success(json.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot.toMap()));
        } catch (NotARepositoryException | GitSnapshotException e) {
            return AgentOutcome.failure(e.getMessage());
        } catch (InvalidPathException e) {
            return AgentOutcome.failure("repository '" + path + "' is not a usable path: " + e.getMessage());
        }
    }
}
