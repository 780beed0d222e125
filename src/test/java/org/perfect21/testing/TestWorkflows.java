package org.perfect21.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.perfect21.workflow.DefinitionLoader;
import org.perfect21.workflow.WorkflowDefinition;

/** Loads a workflow written inline in a test through the real loader (with the jobs directory's agents). */
public final class TestWorkflows {

    private TestWorkflows() {
    }

    /** Writes {@code yaml} to a new file in {@code dir} and loads it. */
    public static WorkflowDefinition load(DefinitionLoader loader, Path dir, String yaml) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "workflow", ".yml");
            Files.writeString(file, yaml);
            return loader.loadFiles(List.of(), List.of(file)).workflows().values().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
