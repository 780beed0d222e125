package org.perfect21.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.perfect21.agent.InstructionTemplates.Template;
import org.perfect21.agent.TemplateReference;

/**
 * A template with where it was written, so that a name it reads can be reported at its line in the file.
 *
 * @param firstLine the file line the template's text starts on (for a YAML block scalar, the key's line)
 * @param block     whether the text is a YAML block scalar, whose first line follows its key
 */
record LocatedTemplate(Template template, Path file, int firstLine, boolean block, String field) implements Template {

    @Override
    public String render(Map<String, Object> scope) {
        return template.render(scope);
    }

    @Override
    public List<TemplateReference> references() {
        return template.references();
    }

    /** The file line of a line of the template's text. */
    int fileLine(int templateLine) {
        return fileLine(firstLine, block, templateLine);
    }

    /** The file line of line {@code templateLine} of a template written from {@code firstLine} (a block: from the next). */
    static int fileLine(int firstLine, boolean block, int templateLine) {
        return firstLine + (block ? 1 : 0) + templateLine - 1;
    }
}
