package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.perfect21.agent.AgentSettings;

/** Collects problems and warnings while reading definitions, so all of them are reported at once. */
final class DefinitionProblems {

    private final List<DefinitionProblem> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void add(Path file, Integer line, String field, String message) {
        errors.add(new DefinitionProblem(file, line, field, message));
    }

    void addAll(Path file, String prefix, AgentSettings settings) {
        for (AgentSettings.SettingProblem p : settings.problems()) {
            add(file, p.line(), prefix + p.field(), p.message());
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    int count() {
        return errors.size();
    }

    List<DefinitionProblem> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionsException(errors);
        }
    }
}
