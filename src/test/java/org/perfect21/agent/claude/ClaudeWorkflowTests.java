package org.perfect21.agent.claude;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.git.TestRepository;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.history.RunStatus;
import org.perfect21.testing.ClaudeCli;
import org.perfect21.testing.DatabaseText;
import org.perfect21.testing.EngineTest;
import org.perfect21.testing.MessagesApiStandIn;
import org.perfect21.testing.MessagesApiStandIn.RecordedRequest;
import org.perfect21.testing.MessagesApiStandIn.Reply;
import org.perfect21.testing.TestWorkflows;
import org.perfect21.usage.Usage;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;
import org.perfect21.execution.WorkflowRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude Code agents run by the platform, end to end: an agent file loaded from disk, run by the real CLI against the
 * stand-in, its usage in the run document; transient failures retried after a backoff, a refused key not at all; the
 * key in no log line, no table and no run document.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "perfect21.execution.retry-backoff=2s",
        "logging.level.org.perfect21.agent.claude=DEBUG"})
class ClaudeWorkflowTests {

    @RegisterExtension
    static final MessagesApiStandIn api = new MessagesApiStandIn();

    @TempDir
    static Path home;
    @TempDir
    static Path dir;

    @Autowired
    WorkflowRunner runner;
    @Autowired
    DefinitionLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void claudeAgainstTheStandIn(DynamicPropertyRegistry registry) {
        api.start();
        registry.add("perfect21.agents.claude.command", () -> ClaudeCli.binary().toString());
        api.cliEnvironment(home).forEach((name, value) -> registry.add("perfect21.agents.claude.environment." + name, () -> value));
    }

    @Test
    void anAgentFileWhoseBodyHoldsTemplateTextReachesTheModelVerbatimAndItsUsageIsInTheRunDocument(CapturedOutput output)
            throws IOException {
        String body = "You review templates: {{#each items}}{{this}}{{/each}}, {% if x %}yes{% endif %},\n"
                + "{{ .Values.x }} and an unbalanced {{ here.";
        Path agent = Files.writeString(dir.resolve("template-reviewer.md"), """
                ---
                name: template-reviewer
                description: reviews templates
                model: haiku
                tools: Read, Grep
                maxTurns: 3
                instruction: "Review {{params.feature}}."
                ---
                %s
                """.formatted(body));
        Path workflowFile = Files.writeString(dir.resolve("review.yml"), """
                name: review
                parameters:
                  feature: {default: payments}
                phases:
                  - name: review
                    agents: [template-reviewer]
                """);
        WorkflowDefinition workflow = loader.loadFiles(List.of(agent), List.of(workflowFile)).workflow("review").orElseThrow();
        api.answer(Reply.text("Looks fine.").tokens(2000, 150, 300, 40));

        RunDocument run = runner.run(workflow, Map.of());

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        RecordedRequest request = api.messages().get(0);
        assertThat(request.systemText()).endsWith(body);
        assertThat(request.userText()).contains("Review payments.");
        assertThat(request.model()).contains("haiku");
        RunDocument.Agent reviewer = run.phases().get(0).agents().get(0);
        assertThat(reviewer.model()).isEqualTo(request.model());
        assertThat(reviewer.usage()).usingRecursiveComparison().ignoringFields("costUsd")
                .isEqualTo(new Usage(2000L, 150L, 300L, 40L, null));
        assertThat(reviewer.usage().costUsd()).isPositive();
        assertThat(run.usage().costUsd()).isEqualByComparingTo(reviewer.usage().costUsd());
        assertThat(output).contains("claude agent template-reviewer", "session ", "1 turns");
        assertTheKeyIsNowhere(output, run);
    }

    @Test
    void anOverloadedApiIsRetriedAfterABackoffWithinTheAgentsRetries(CapturedOutput output) {
        WorkflowDefinition workflow = TestWorkflows.load(loader, dir, """
                name: overloaded
                phases:
                  - name: ask
                    agents:
                      - {name: asker, retries: 2, instruction: Ask.}
                """);
        api.then(Reply.overloaded()).answer(Reply.text("Answered."));

        RunDocument run = runner.run(workflow, Map.of());

        RunDocument.Agent asker = run.phases().get(0).agents().get(0);
        assertThat(asker.status()).isEqualTo(AgentStatus.COMPLETED);
        assertThat(asker.attempts()).isEqualTo(2);
        List<RecordedRequest> messages = api.messages();
        assertThat(messages).hasSize(2);
        // Half the 2s backoff at least (jitter), where an immediate retry would take only the CLI's start.
        assertThat(Duration.between(messages.get(0).receivedAt(), messages.get(1).receivedAt())).isGreaterThan(Duration.ofSeconds(1));
        assertTheKeyIsNowhere(output, run);
    }

    @Test
    void aRefusedKeyIsNotRetriedAndAppearsNowhere(CapturedOutput output) {
        String wrongKey = "sk-ant-refused-key-0123456789";
        WorkflowDefinition workflow = TestWorkflows.load(loader, dir, """
                name: refused
                phases:
                  - name: ask
                    agents:
                      - {name: refused-asker, retries: 3, instruction: Ask., env: {ANTHROPIC_API_KEY: %s}}
                """.formatted(wrongKey));

        RunDocument run = runner.run(workflow, Map.of());

        RunDocument.Agent asker = run.phases().get(0).agents().get(0);
        assertThat(asker.status()).isEqualTo(AgentStatus.FAILED);
        assertThat(asker.attempts()).isEqualTo(1);
        assertThat(asker.error()).contains("API status 401");
        assertThat(api.messages()).hasSize(1);
        assertThat(output).doesNotContain(wrongKey);
        assertThat(json.writeValueAsString(run)).doesNotContain(wrongKey);
        assertThat(database()).doesNotContain(wrongKey);
    }

    @Test
    void theShippedCodeReviewWorkflowReviewsAChangeWithFourReviewersAndASummary(CapturedOutput output) throws Exception {
        // The summarizer forgets its verdict the first time: the summary's gate sends it back, with what was missing.
        Path repository = Files.createDirectories(dir.resolve("reviewed"));
        try (TestRepository git = TestRepository.init(repository)) {
            git.write("Users.java", "class Users {\n}\n").commitAll("Users");
            git.write("Users.java", "class Users {\n    String find(String name) { return \"SELECT * FROM users WHERE name = '\""
                    + " + name + \"'\"; }\n}\n").commitAll("Find users by name");
        }
        Map<String, String> findings = Map.of(
                "security-reviewer", "SECURITY: SQL injection in Users.java:2.",
                "test-reviewer", "TESTS: find has no test.",
                "performance-reviewer", "PERFORMANCE: nothing at realistic sizes.",
                "style-reviewer", "STYLE: name the query.");
        Map<String, String> bodies = new java.util.HashMap<>();
        for (String reviewer : findings.keySet()) {
            bodies.put(reviewer, body(Path.of("jobs/agents/review", reviewer + ".md")));
        }
        java.util.concurrent.atomic.AtomicInteger summaries = new java.util.concurrent.atomic.AtomicInteger();
        api.answer(request -> findings.entrySet().stream()
                .filter(finding -> request.systemText().endsWith(bodies.get(finding.getKey())))
                .map(finding -> Reply.text(finding.getValue()).tokens(5000, 300, 0, 0))
                .findFirst().orElseGet(() -> Reply.text(summaries.getAndIncrement() == 0 ? "Mostly fine, one injection."
                        : "REQUEST CHANGES: fix the injection first.").tokens(1500, 80, 0, 0)));
        WorkflowDefinition workflow = loader.load().workflow("code-review").orElseThrow();

        RunDocument run = runner.run(workflow, Map.of("repository", repository.toString()));

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.phases()).extracting(p -> p.name() + "#" + p.iteration())
                .containsExactly("snapshot#1", "review#1", "summary#1", "summary#2");
        assertThat(run.phases().get(2).gate().passed()).isFalse();
        assertThat(run.phases().get(3).gate().passed()).isTrue();
        assertThat(run.phases().get(1).agents()).extracting(RunDocument.Agent::agent)
                .containsExactly("security-reviewer", "test-reviewer", "performance-reviewer", "style-reviewer");
        List<RecordedRequest> messages = api.messages();
        for (String reviewer : findings.keySet()) {
            assertThat(messages).as(reviewer).filteredOn(m -> m.systemText().endsWith(bodies.get(reviewer))).singleElement()
                    .satisfies(m -> assertThat(m.model()).contains("sonnet"))
                    .satisfies(m -> assertThat(m.allText()).as("runs in the repository").contains(repository.toString()))
                    .satisfies(m -> assertThat(m.userText()).as("the diff from the context")
                            .contains("Review the change HEAD~1..", "Find users by name", "+    String find(String name)"));
        }
        List<RecordedRequest> summary = messages.stream()
                .filter(m -> m.systemText().endsWith(body(Path.of("jobs/agents/review/review-summarizer.md")))).toList();
        assertThat(summary).hasSize(2);
        assertThat(summary.get(0).userText()).contains(findings.values()).doesNotContain("no verdict line");
        assertThat(summary.get(1).userText()).contains(findings.values()).contains("Your previous review had no verdict line",
                "The gate of phase 'summary' failed in iteration 1", "Output of review-summarizer:\nMostly fine, one injection.");
        assertThat(jdbc.queryForList("SELECT OUTPUT FROM P21_AGENT_RESULT WHERE RUN_ID = ? AND AGENT = 'review-summarizer'"
                + " ORDER BY ITERATION", String.class, run.runId()))
                .containsExactly("Mostly fine, one injection.", "REQUEST CHANGES: fix the injection first.");
        assertThat(run.usage().inputTokens()).isEqualTo(4 * 5000 + 2 * 1500);
        assertThat(run.usage().costUsd()).isPositive();
        assertTheKeyIsNowhere(output, run);
    }

    /** An agent file's body: what follows its front matter, as the model must receive it. */
    private static String body(Path agentFile) {
        try {
            String text = Files.readString(agentFile);
            return text.substring(text.indexOf("\n---\n", 3) + 5).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertTheKeyIsNowhere(CapturedOutput output, RunDocument run) {
        assertThat(output).doesNotContain(api.apiKey());
        assertThat(json.writeValueAsString(run)).doesNotContain(api.apiKey());
        assertThat(database()).doesNotContain(api.apiKey());
    }

    private String database() {
        return DatabaseText.dump(jdbc);
    }
}
