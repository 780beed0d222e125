package org.perfect21.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKinds;
import org.perfect21.agent.InstructionTemplates;
import org.perfect21.config.Perfect21Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads agents ({@code agents/**}{@code /*.md}) and workflows ({@code workflows/*.yml}) from a jobs
 * directory. All or nothing: any problem anywhere fails the load with every problem listed.
 */
@Component
public class DefinitionLoader {

    private static final Logger log = LoggerFactory.getLogger(DefinitionLoader.class);

    private final Path jobsDir;
    private final AgentFileReader agentFiles;
    private final WorkflowFileReader workflowFiles;

    public DefinitionLoader(Perfect21Properties properties, AgentKinds kinds, InstructionTemplates templates) {
        this.jobsDir = properties.jobsDir();
        AgentDefinitionReader agents = new AgentDefinitionReader(kinds, templates);
        this.agentFiles = new AgentFileReader(agents);
        this.workflowFiles = new WorkflowFileReader(agents);
    }

    /** The configured jobs directory ({@code perfect21.jobs-dir}). */
    public Path jobsDir() {
        return jobsDir;
    }

    /** Loads the configured jobs directory. */
    public Definitions load() {
        return load(jobsDir);
    }

    /** Loads a jobs directory holding {@code agents/} and {@code workflows/}. */
    public Definitions load(Path dir) {
        DefinitionProblems problems = new DefinitionProblems();
        if (!Files.isDirectory(dir)) {
            problems.add(dir, null, null, "jobs directory does not exist (set perfect21.jobs-dir or PERFECT21_JOBS_DIR)");
            problems.throwIfAny();
        }
        return load(files(dir.resolve("agents"), ".md", true, problems),
                files(dir.resolve("workflows"), ".yml", false, problems), problems);
    }

    /**
     * Loads the given agent and workflow files, with the configured jobs directory's agents as the
     * library beneath them (a given agent file replaces a library file of the same path).
     */
    public Definitions loadFiles(List<Path> agentPaths, List<Path> workflowPaths) {
        DefinitionProblems problems = new DefinitionProblems();
        List<Path> agents = new ArrayList<>();
        if (Files.isDirectory(jobsDir.resolve("agents"))) {
            agents.addAll(files(jobsDir.resolve("agents"), ".md", true, problems));
        }
        for (Path path : agentPaths) {
            if (agents.stream().noneMatch(p -> sameFile(p, path))) {
                agents.add(path);
            }
        }
        return load(agents, workflowPaths, problems);
    }

    private Definitions load(List<Path> agentPaths, List<Path> workflowPaths, DefinitionProblems problems) {
        Map<String, AgentDefinitionReader.LoadedAgent> library = new LinkedHashMap<>();
        for (Path file : agentPaths) {
            agentFiles.read(file, problems).ifPresent(agent -> {
                var previous = library.putIfAbsent(agent.definition().name(), agent);
                if (previous != null) {
                    // The name key's line; a name taken from the file name points at the front matter.
                    Integer nameLine = agent.definition().settings().lineOf("name");
                    problems.add(file, nameLine == null ? 1 : nameLine, "name", "duplicate agent name '" + agent.definition().name()
                            + "', also defined in " + previous.definition().source());
                }
            });
        }
        Map<String, WorkflowDefinition> workflows = new LinkedHashMap<>();
        for (Path file : workflowPaths) {
            workflowFiles.read(file, library, problems).ifPresent(workflow -> {
                var previous = workflows.putIfAbsent(workflow.name(), workflow);
                if (previous != null) {
                    problems.add(file, null, "name", "duplicate workflow name '" + workflow.name()
                            + "', also defined in " + previous.source());
                }
            });
        }
        problems.throwIfAny();
        // Reported at INFO: `validate` prints them as warnings; a README among the agents is not worth a warning per run.
        problems.warnings().forEach(log::info);
        Map<String, AgentDefinition> agents = new LinkedHashMap<>();
        library.forEach((name, loaded) -> agents.put(name, loaded.definition()));
        return new Definitions(Collections.unmodifiableMap(agents), Collections.unmodifiableMap(workflows),
                List.copyOf(problems.warnings()));
    }

    private static List<Path> files(Path dir, String suffix, boolean recursive, DefinitionProblems problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = recursive ? Files.walk(dir) : Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix)
                            || (suffix.equals(".yml") && p.getFileName().toString().endsWith(".yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(dir, null, null, "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
