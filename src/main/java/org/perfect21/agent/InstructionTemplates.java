package org.perfect21.agent;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.perfect21.cache.Trimmable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Compiles Mustache templates once: compiled templates are kept in a bounded cache keyed by their
 * text, so agents sharing a body and a definitions reload reuse them. Rendering does not HTML-escape:
 * instructions and command arguments are plain text. Partials ({@code {{> name}}}) are refused, as
 * they would read files from outside the definitions.
 */
@Component
public class InstructionTemplates implements Trimmable {

    private final DefaultMustacheFactory factory = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write rendered text", e);
            }
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            TemplateReferences references = collecting.get();
            return references == null ? super.createMustacheVisitor() : references.visitor(this);
        }

        @Override
        public Mustache compilePartial(String name) {
            throw new MustacheException("partials ({{> " + name + "}}) are not supported; write the text into the template");
        }
    };

    /** The names of the template being compiled on this thread (Mustache's visitors are made by the factory). */
    private final ThreadLocal<TemplateReferences> collecting = new ThreadLocal<>();
    private final Cache<String, Template> compiled;
    private final LongAdder compilations = new LongAdder();

    /** A compiled template. */
    public interface Template {
        String render(Map<String, Object> scope);

        /** The names it reads, for checking them against what its scope will hold; none for plain text. */
        default List<TemplateReference> references() {
            return List.of();
        }
    }

    public InstructionTemplates(TemplateProperties properties, ObjectProvider<MeterRegistry> registry) {
        // Caffeine runs maintenance on the calling thread: no work goes to the common pool.
        this.compiled = Caffeine.newBuilder().maximumSize(properties.cacheSize()).executor(Runnable::run).recordStats().build();
        registry.ifAvailable(r -> CaffeineCacheMetrics.monitor(r, compiled, "perfect21.templates"));
    }

    /**
     * Compiles {@code text}, or returns the template already compiled from the same text; throws
     * {@link IllegalArgumentException} with Mustache's message when it is malformed.
     *
     * @param name where the text comes from, for Mustache's messages
     */
    public Template compile(String name, String text) {
        if (!text.contains("{{")) {
            return scope -> text;
        }
        return compiled.get(text, key -> compileNow(name, key));
    }

    /**
     * Compiles the template in an agent's setting {@code key}; a malformed one is reported as a problem with
     * that key (the returned template then renders the text as it is, and is never used).
     */
    public Template compileSetting(AgentSettings settings, String key, String text) {
        try {
            return compile(key, text);
        } catch (IllegalArgumentException e) {
            settings.problem(key, e.getMessage());
            return scope -> text;
        }
    }

    private Template compileNow(String name, String text) {
        Mustache mustache;
        TemplateReferences references = new TemplateReferences();
        collecting.set(references);
        try {
            mustache = factory.compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw TemplateSyntaxException.of(name, text, e);
        } finally {
            collecting.remove();
        }
        compilations.increment();
        List<TemplateReference> names = references.of(mustache, text);
        return new Template() {
            @Override
            public String render(Map<String, Object> scope) {
                StringWriter out = new StringWriter(text.length() + 64);
                mustache.execute(out, scope);
                return out.toString();
            }

            @Override
            public List<TemplateReference> references() {
                return names;
            }
        };
    }

    /**
     * A template Mustache cannot compile, with where in the text it went wrong (1-based; column 1 when Mustache
     * does not say).
     */
    public static final class TemplateSyntaxException extends IllegalArgumentException {

        private static final Pattern LOCATION = Pattern.compile("\\s*(?:in \\S+?:(\\d+)(?:@(\\d+))?)?\\s*@\\[[^\\]]*:(\\d+)]\\s*$");

        private final int line;
        private final int column;

        private TemplateSyntaxException(String problem, int line, int column, Throwable cause) {
            super("malformed template: " + problem, cause);
            this.line = line;
            this.column = column;
        }

        static TemplateSyntaxException of(String name, String text, MustacheException e) {
            String message = e.getMessage() == null ? "cannot compile" : e.getMessage();
            Matcher location = LOCATION.matcher(message);
            if (!location.find()) {
                return new TemplateSyntaxException(message, 1, 1, e);
            }
            int line = Integer.parseInt(location.group(3));
            String problem = message.substring(0, location.start()).replace(" in " + name, "");
            String[] lines = text.split("\n", -1);
            int column = 1;
            if (location.group(2) != null) {
                column = Integer.parseInt(location.group(2));
            } else if (line >= 1 && line <= lines.length) {
                // Mustache names the line only: point at the last tag opened on it, the one that went wrong.
                column = lines[line - 1].lastIndexOf("{{") + 1;
            }
            return new TemplateSyntaxException(problem, line, Math.max(1, column), e);
        }

        /** The line in the template's text, from 1. */
        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Templates compiled so far (cache misses that compiled successfully). */
    public long compilations() {
        return compilations.sum();
    }

    @Override
    public String name() {
        return "instruction-templates";
    }

    @Override
    public long trim() {
        // Prepared agents hold their templates: dropping the cache only means a reload compiles again.
        long size = compiled.estimatedSize();
        compiled.invalidateAll();
        return size;
    }
}
