package org.perfect21.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.execution.WorkflowRunner;
import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the engine tests have in common: an {@link EngineTest} context, the runner, the loader, the probe kind
 * (reset before each test), the database, and workflows written inline into a directory JUnit deletes.
 */
@EngineTest
public abstract class EngineTestSupport {

    @TempDir
    protected static Path dir;

    @Autowired
    protected WorkflowRunner runner;
    @Autowired
    protected DefinitionLoader loader;
    @Autowired
    protected ProbeAgentKind probe;
    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void resetProbe() {
        probe.reset();
    }

    /** Loads a workflow written inline, with the jobs directory's agents as its library. */
    protected WorkflowDefinition workflow(String yaml) {
        return TestWorkflows.load(loader, dir, yaml);
    }
}
