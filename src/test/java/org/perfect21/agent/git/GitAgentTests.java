package org.perfect21.agent.git;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.git.GitSnapshots;
import org.perfect21.git.TestRepository;
import org.perfect21.testing.Defaults;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GitAgentTests {

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final JsonMapper json = JsonMapper.builder().build();
    private final GitSnapshots snapshots = new GitSnapshots(Defaults.gitProperties());
    private final GitAgentKind kind = new GitAgentKind(snapshots, Defaults.gitProperties(), Defaults.templates(), json);

    @AfterEach
    void close() {
        executor.shutdownNow();
        snapshots.close();
    }

    @Test
    void aMissingRepositoryIsADefinitionError() {
        AgentSettings settings = settings(Map.of("commits", 5L));
        kind.prepare(definition(settings), settings);

        assertThat(settings.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("repository");
            assertThat(p.message()).startsWith("is required for kind git");
        });
    }

    @Test
    void badSettingsAreReportedWithTheirKeys() {
        assertThat(problems(Map.of("repository", ".", "commits", 0L))).containsExactly("commits: 0 is out of range 1..1000");
        assertThat(problems(Map.of("repository", ".", "commits", 1001L))).containsExactly("commits: 1001 is out of range 1..1000");
        assertThat(problems(Map.of("repository", ".", "commits", "ten"))).containsExactly("commits: 'ten' is not a whole number");
        assertThat(problems(Map.of("repository", List.of("a", "b")))).containsExactly("repository: must be a single value, not a list");
        assertThat(problems(Map.of("repository", "{{#params.x}}"))).singleElement().asString().startsWith("repository: malformed template");
        assertThat(problems(Map.of("repository", " ", "base", ""))).containsExactly("repository: must not be empty",
                "base: must not be empty; leave it out for no diffstat");
        assertThat(problems(Map.of("repository", "{{params.path}}", "commits", 3L, "base", "{{params.base}}"))).isEmpty();
    }

    @Test
    void aRunGivesTheSnapshotAsJson() {
        RevCommit base;
        RevCommit head;
        try (TestRepository repo = TestRepository.init(dir.resolve("repo"))) {
            base = repo.write("a.txt", "1\n").commitAll("first");
            repo.branch("base");
            head = repo.write("a.txt", "1\n2\n").commitAll("second");
            repo.write("b.txt", "new\n");
        }

        AgentOutcome outcome = run(Map.of("repository", "{{params.path}}/repo", "commits", 1L, "base", "{{params.base}}"));

        assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
        assertThat(outcome.output()).contains("\n  \"branch\" : \"main\"");
        @SuppressWarnings("unchecked")
        Map<String, Object> document = json.readValue(outcome.output(), Map.class);
        assertThat(document).containsEntry("branch", "main").containsEntry("head", head.name())
                .containsEntry("status", List.of("?? b.txt")).containsEntry("clean", false)
                .containsEntry("base", Map.of("ref", "base", "id", base.name()));
        assertThat((List<?>) document.get("commits")).hasSize(1);
        assertThat(document.get("diffstat")).isEqualTo(Map.of("files", List.of(Map.of("path", "a.txt", "added", 1, "deleted", 0,
                "binary", false)), "filesChanged", 1, "insertions", 1, "deletions", 0));
    }

    @Test
    void aPathThatIsNoRepositoryOrABadBaseFailsTheAttemptWithAClearMessage() {
        try (TestRepository repo = TestRepository.init(dir.resolve("repo"))) {
            repo.write("a.txt", "1\n").commitAll("first");
        }

        AgentOutcome notARepository = run(Map.of("repository", "{{params.path}}"));
        AgentOutcome badBase = run(Map.of("repository", "{{params.path}}/repo", "base", "nope"));

        assertThat(notARepository.succeeded()).isFalse();
        assertThat(notARepository.error()).isEqualTo("'" + dir + "' is not a git repository (no .git directory found there or above)");
        assertThat(badBase.succeeded()).isFalse();
        assertThat(badBase.error()).isEqualTo("unknown base ref 'nope' in '" + dir.resolve("repo") + "'");
    }

    private AgentOutcome run(Map<String, Object> values) {
        AgentSettings settings = settings(values);
        AgentRunner runner = kind.prepare(definition(settings), settings);
        assertThat(settings.problems()).isEmpty();
        return runner.start(new AgentCall("run-1", "phase", "ignored", "", 1, Map.of("path", dir.toString(), "base", "base"), executor))
                .orTimeout(30, TimeUnit.SECONDS).join();
    }

    private List<String> problems(Map<String, Object> values) {
        AgentSettings settings = settings(values);
        kind.prepare(definition(settings), settings);
        return settings.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    private static AgentSettings settings(Map<String, Object> values) {
        return new AgentSettings(new HashMap<>(values), Map.of());
    }

    private static AgentDefinition definition(AgentSettings settings) {
        return new AgentDefinition("snap", "git", null, null, List.of(), null, null, null, 0, "", settings, Path.of("test.md"), 1);
    }
}
