package org.perfect21.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The jobs directory's definitions, loaded once and reloaded when a file under it changes (added,
 * removed, resized or touched), so serving a launch does not parse every file again. Checking is a
 * directory listing, done when asked, never on a timer.
 */
@Component
public class DefinitionCatalog {

    private final DefinitionLoader loader;
    private final ApplicationEventPublisher events;
    private volatile Loaded loaded;

    public DefinitionCatalog(DefinitionLoader loader, ApplicationEventPublisher events) {
        this.loader = loader;
        this.events = events;
    }

    private record Loaded(List<String> fingerprint, Definitions definitions) {
    }

    /**
     * The definitions as the files are now.
     *
     * @throws InvalidDefinitionsException when the files do not load
     */
    public Definitions current() {
        List<String> fingerprint = fingerprint(loader.jobsDir());
        Loaded seen = loaded;
        if (seen != null && seen.fingerprint().equals(fingerprint)) {
            return seen.definitions();
        }
        synchronized (this) {
            seen = loaded;
            if (seen != null && seen.fingerprint().equals(fingerprint)) {
                return seen.definitions();
            }
            Definitions definitions = loader.load();
            loaded = new Loaded(fingerprint, definitions);
            events.publishEvent(new DefinitionsLoaded(definitions));
            return definitions;
        }
    }

    public java.util.Optional<WorkflowDefinition> workflow(String name) {
        return current().workflow(name);
    }

    /**
     * The workflow of this name.
     *
     * @throws NoSuchWorkflowException when none has it (the message lists the known ones)
     */
    public WorkflowDefinition require(String name) {
        Definitions definitions = current();
        return definitions.workflow(name).orElseThrow(() -> new NoSuchWorkflowException(name, definitions.workflows().keySet()));
    }

    private static List<String> fingerprint(Path jobsDir) {
        List<String> entries = new ArrayList<>();
        for (Path dir : List.of(jobsDir.resolve("agents"), jobsDir.resolve("workflows"))) {
            if (!Files.isDirectory(dir)) {
                entries.add(dir + ":absent");
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted().forEach(file -> {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        entries.add(file + ":" + attributes.size() + ":" + attributes.lastModifiedTime());
                    } catch (IOException e) {
                        entries.add(file + ":unreadable");
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                entries.add(dir + ":unlistable");
            }
        }
        return entries;
    }
}
