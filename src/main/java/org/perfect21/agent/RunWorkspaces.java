package org.perfect21.agent;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.regex.Pattern;

import org.perfect21.config.Perfect21Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The runs' workspaces, {@code <perfect21.data-dir>/workspaces/<run id>}: the working directory of agents that name
 * none (Claude Code writes and reads files there). A workspace lives as long as its run's history: the retention
 * purge removes it with the run.
 */
@Component
public class RunWorkspaces {

    private static final Logger log = LoggerFactory.getLogger(RunWorkspaces.class);
    // Run ids are UUIDs; anything else never names a directory here (no "..", no separators).
    private static final Pattern RUN_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final Path root;

    @Autowired
    public RunWorkspaces(Perfect21Properties platform) {
        this(platform.dataDir().resolve("workspaces"));
    }

    public RunWorkspaces(Path root) {
        this.root = root;
    }

    /** The run's workspace, created when it does not exist. */
    public Path open(String runId) throws IOException {
        return Files.createDirectories(path(runId));
    }

    /**
     * Deletes the workspaces of these runs, those that exist; returns how many. A workspace that cannot be deleted
     * is logged and left: the runs' history is gone either way.
     */
    public int remove(Collection<String> runIds) {
        int removed = 0;
        for (String runId : runIds) {
            Path workspace = path(runId);
            if (!Files.isDirectory(workspace)) {
                continue;
            }
            try {
                deleteTree(workspace);
                removed++;
            } catch (IOException e) {
                log.warn("Could not delete the workspace {} of purged run {}: {}", workspace, runId, e.toString());
            }
        }
        return removed;
    }

    private Path path(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("not a run id: '" + runId + "'");
        }
        return root.resolve(runId);
    }

    private static void deleteTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                deleteIfThere(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                deleteIfThere(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfThere(Path path) throws IOException {
        try {
            Files.delete(path);
        } catch (NoSuchFileException gone) {
            // An agent still writing may have removed it itself.
        }
    }
}
