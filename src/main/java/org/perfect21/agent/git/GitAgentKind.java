package org.perfect21.agent.git;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.InstructionTemplates;
import org.perfect21.git.GitProperties;
import org.perfect21.git.GitSnapshots;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kind: git}: a snapshot of the repository at {@code repository} (a template; relative paths resolve against
 * the process's working directory) with the last {@code commits} commits (default 10) and, with {@code base}, the
 * diffstat from that ref to HEAD. The output is the snapshot as a JSON document; the instruction is not used.
 */
@Component
public class GitAgentKind implements AgentKind {

    static final int DEFAULT_COMMITS = 10;

    private final GitSnapshots snapshots;
    private final int maxCommits;
    private final InstructionTemplates templates;
    private final JsonMapper json;

    public GitAgentKind(GitSnapshots snapshots, GitProperties properties, InstructionTemplates templates, JsonMapper json) {
        this.snapshots = snapshots;
        this.maxCommits = properties.maxCommits();
        this.templates = templates;
        this.json = json;
    }

    @Override
    public String name() {
        return "git";
    }

    @Override
    public AgentRunner prepare(AgentDefinition definition, AgentSettings settings) {
        String repository = settings.string("repository");
        Template repositoryTemplate = null;
        if (repository == null) {
            if (!settings.has("repository")) {
                settings.problem("repository", "is required for kind git: the path of a git work tree, e.g. . or \"{{params.path}}\"");
            }
        } else if (repository.isBlank()) {
            settings.problem("repository", "must not be empty");
        } else {
            repositoryTemplate = templates.compileSetting(settings, "repository", repository);
        }
        Long commits = settings.integer("commits", 1, maxCommits);
        String base = settings.string("base");
        if (base != null && base.isBlank()) {
            settings.problem("base", "must not be empty; leave it out for no diffstat");
        }
        return new GitAgent(definition.name(), repositoryTemplate,
                commits == null ? DEFAULT_COMMITS : commits.intValue(),
                base == null || base.isBlank() ? null : templates.compileSetting(settings, "base", base), snapshots, json);
    }
}
