package org.perfect21.agent;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import org.springframework.stereotype.Component;

/**
 * Compiles Mustache templates once, at definition load time. Rendering does not HTML-escape:
 * instructions and command arguments are plain text.
 */
@Component
public class InstructionTemplates {

    private final DefaultMustacheFactory factory = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write rendered text", e);
            }
        }
    };

    /** A compiled template. */
    public interface Template {
        String render(Map<String, Object> scope);
    }

    /** Compiles {@code text}; throws {@link IllegalArgumentException} with Mustache's message when it is malformed. */
    public Template compile(String name, String text) {
        if (!text.contains("{{")) {
            return scope -> text;
        }
        Mustache mustache;
        try {
            mustache = factory.compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("malformed template: " + e.getMessage(), e);
        }
        return scope -> {
            StringWriter out = new StringWriter(text.length() + 64);
            mustache.execute(out, scope);
            return out.toString();
        };
    }
}
