package org.perfect21.workflow;

import java.nio.file.Path;

/**
 * One thing wrong with a definition file.
 *
 * @param file    the file, or null for problems not tied to one (e.g. a missing directory)
 * @param line    1-based line, or null when unknown
 * @param field   the key or path of keys at fault (e.g. {@code phases[1].minSuccess}), or null
 * @param message what is wrong
 */
public record DefinitionProblem(Path file, Integer line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line != null && line > 0) {
                text.append(':').append(line);
            }
            text.append(": ");
        }
        if (field != null) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
