package org.perfect21.agent;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
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
        public Mustache compilePartial(String name) {
            throw new MustacheException("partials ({{> " + name + "}}) are not supported; write the text into the template");
        }
    };

    private final Cache<String, Template> compiled;
    private final LongAdder compilations = new LongAdder();

    /** A compiled template. */
    public interface Template {
        String render(Map<String, Object> scope);
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
        try {
            mustache = factory.compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("malformed template: " + e.getMessage(), e);
        }
        compilations.increment();
        return scope -> {
            StringWriter out = new StringWriter(text.length() + 64);
            mustache.execute(out, scope);
            return out.toString();
        };
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
