package org.perfect21.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKinds;
import org.perfect21.agent.InstructionTemplates;
import org.perfect21.agent.RunWorkspaces;
import org.perfect21.agent.claude.ClaudeAgentKind;
import org.perfect21.agent.command.CommandAgentKind;
import org.perfect21.agent.git.GitAgentKind;
import org.perfect21.agent.simulated.SimulatedAgentKind;
import org.perfect21.config.Perfect21Properties;
import org.perfect21.git.GitSnapshots;
import org.perfect21.testing.Defaults;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A temporary jobs directory the definition tests write agent and workflow files into, and the loader
 * that reads it. Each test writes only the few files it needs.
 */
final class JobsDirectory {

    private final Path root;

    private final InstructionTemplates templates = Defaults.templates();

    JobsDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    // --- writing files ---------------------------------------------------------------------------

    /** Writes {@code agents/<relativePath>}. */
    Path agent(String relativePath, String text) {
        return write(root.resolve("agents").resolve(relativePath), text);
    }

    /** Writes {@code agents/<name>.md}: a simulated agent with a description and a one-line body. */
    Path simulatedAgent(String name) {
        return agent(name + ".md", """
                ---
                name: %s
                description: a test agent
                kind: simulated
                ---
                Do it.
                """.formatted(name));
    }

    /** Writes {@code workflows/<fileName>}. */
    Path workflow(String fileName, String text) {
        return write(root.resolve("workflows").resolve(fileName), text);
    }

    /** A workflow of one phase {@code p} with one inline agent, given as a YAML flow mapping on line 4. */
    static String workflowWithAgent(String name, String inlineAgent) {
        return """
                name: %s
                phases:
                  - name: p
                    agents: [%s]
                """.formatted(name, inlineAgent);
    }

    /** A valid four-line workflow: one phase {@code p} with one simulated inline agent {@code a1}. */
    static String minimalWorkflow(String name) {
        return workflowWithAgent(name, "{name: a1, kind: simulated}");
    }

    // --- loading ---------------------------------------------------------------------------------

    DefinitionLoader loader() {
        // The git kind only loads here (no snapshot is taken), so its snapshots are never closed.
        Perfect21Properties platform = new Perfect21Properties(root.resolve("data"), root);
        JsonMapper json = JsonMapper.builder().build();
        AgentKinds kinds = new AgentKinds(List.of(new SimulatedAgentKind(), new CommandAgentKind(templates),
                new GitAgentKind(new GitSnapshots(Defaults.gitProperties()), Defaults.gitProperties(), templates, json),
                new ClaudeAgentKind(templates, Defaults.claudeProperties(), new RunWorkspaces(platform), json)));
        return new DefinitionLoader(platform, kinds, templates);
    }

    Definitions load() {
        return loader().load(root);
    }

    /** Loads the directory and returns the library agent of that name, which must be there. */
    AgentDefinition loadAgent(String name) {
        Definitions definitions = load();
        assertThat(definitions.agents()).containsKey(name);
        return definitions.agents().get(name);
    }

    /** Loads the directory and returns the workflow of that name, which must be there. */
    WorkflowDefinition loadWorkflow(String name) {
        return load().workflow(name).orElseThrow();
    }

    /** Loads the directory, which must fail; nothing is returned half-loaded. */
    InvalidDefinitionsException loadFails() {
        InvalidDefinitionsException e = catchThrowableOfType(InvalidDefinitionsException.class, this::load);
        assertThat(e).as("loading %s should fail", root).isNotNull();
        return e;
    }

    /** Loads the directory, which must fail with exactly one problem. */
    DefinitionProblem onlyProblem() {
        InvalidDefinitionsException e = loadFails();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().get(0);
    }

    /** The problem names this file, line and field, and its message contains every one of {@code message}. */
    static void assertProblem(DefinitionProblem problem, Path file, Integer line, String field, String... message) {
        assertThat(problem.file()).as("file of %s", problem).isEqualTo(file);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
        assertThat(problem.field()).as("field of %s", problem).isEqualTo(field);
        assertThat(problem.message()).contains(message);
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
