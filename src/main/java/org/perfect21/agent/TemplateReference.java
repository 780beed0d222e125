package org.perfect21.agent;

import java.util.List;

/**
 * A name a template reads: {@code {{params.feature}}}, or a section's {@code {{#context.entries}}}.
 *
 * @param name     the name as written ({@code .} for the current item)
 * @param line     the line of the template's text it is on, from 1
 * @param column   the column of its tag's {@code {{} on that line, from 1
 * @param sections the names of the sections it sits in, outermost first; inside one, a name may be a field of the
 *                 section's item as well as a name of the whole scope
 */
public record TemplateReference(String name, int line, int column, List<String> sections) {
}
