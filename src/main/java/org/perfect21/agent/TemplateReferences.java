package org.perfect21.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;

/**
 * Collects the names a template reads while Mustache compiles it: each section is compiled by a visitor of its
 * own, so the names found inside one are attached to the section when the enclosing visitor meets it.
 */
final class TemplateReferences {

    private record Found(String name, int line, List<Found> inside) {
    }

    private final Map<Mustache, List<Found>> byTemplate = new IdentityHashMap<>();

    MustacheVisitor visitor(DefaultMustacheFactory factory) {
        List<Found> found = new ArrayList<>();
        return new DefaultMustacheVisitor(factory) {
            @Override
            public Mustache mustache(TemplateContext context) {
                Mustache compiled = super.mustache(context);
                byTemplate.put(compiled, found);
                return compiled;
            }

            @Override
            public void value(TemplateContext context, String variable, boolean encoded) {
                found.add(new Found(variable, context.line(), List.of()));
                super.value(context, variable, encoded);
            }

            @Override
            public void iterable(TemplateContext context, String variable, Mustache mustache) {
                found.add(new Found(variable, context.line(), byTemplate.getOrDefault(mustache, List.of())));
                super.iterable(context, variable, mustache);
            }

            @Override
            public void notIterable(TemplateContext context, String variable, Mustache mustache) {
                found.add(new Found(variable, context.line(), byTemplate.getOrDefault(mustache, List.of())));
                super.notIterable(context, variable, mustache);
            }
        };
    }

    /** The names {@code compiled} (from {@code text}) reads, in the order written, each with the sections around it. */
    List<TemplateReference> of(Mustache compiled, String text) {
        List<TemplateReference> result = new ArrayList<>();
        flatten(byTemplate.getOrDefault(compiled, List.of()), List.of(), text.split("\n", -1), new HashMap<>(), result);
        return List.copyOf(result);
    }

    private static void flatten(List<Found> found, List<String> sections, String[] lines, Map<Integer, Integer> cursors,
                                List<TemplateReference> result) {
        for (Found f : found) {
            result.add(new TemplateReference(f.name(), f.line(), column(f, lines, cursors), sections));
            if (!f.inside().isEmpty()) {
                List<String> deeper = new ArrayList<>(sections);
                deeper.add(f.name());
                flatten(f.inside(), List.copyOf(deeper), lines, cursors, result);
            }
        }
    }

    /** Where the tag is on its line: Mustache tells lines only. Tags come in the order written, so each search starts after the last. */
    private static int column(Found found, String[] lines, Map<Integer, Integer> cursors) {
        if (found.line() < 1 || found.line() > lines.length) {
            return 1;
        }
        Matcher tag = Pattern.compile("\\{\\{\\{?\\s*[#^&]?\\s*" + Pattern.quote(found.name()) + "\\s*}?}}")
                .matcher(lines[found.line() - 1]);
        int from = cursors.getOrDefault(found.line(), 0);
        if (!tag.find(from)) {
            return 1;
        }
        cursors.put(found.line(), tag.end());
        return tag.start() + 1;
    }
}
