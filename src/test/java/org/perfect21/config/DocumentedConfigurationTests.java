package org.perfect21.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfect21.testing.DocumentedExample;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration table of {@code src/docs/operations.md} lists every {@code perfect21.*} property the
 * application binds, once, with the default its {@code @ConfigurationProperties} record declares (a property
 * without one is documented with words, not a value).
 */
class DocumentedConfigurationTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| .* \\| (.+) \\|$");
    private static final String NO_DEFAULT = "(no default)";

    @Test
    void everyPropertyIsDocumentedOnceWithItsDefault() throws ClassNotFoundException {
        assertThat(documented()).isEqualTo(declared());
    }

    /** Property name to default, from the records. */
    private static Map<String, String> declared() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, String> properties = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.perfect21")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.getName().contains("Test")) {
                continue;
            }
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            collect(annotation.value().isEmpty() ? annotation.prefix() : annotation.value(), type, properties);
        }
        return properties;
    }

    private static void collect(String prefix, Class<?> record, Map<String, String> properties) {
        RecordComponent[] components = record.getRecordComponents();
        // @DefaultValue sits on the canonical constructor's parameters.
        Parameter[] parameters = canonicalConstructor(record, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                collect(name, component.getType(), properties);
                continue;
            }
            DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
            String previous = properties.put(name, value == null ? NO_DEFAULT : String.join(",", value.value()));
            assertThat(previous).as(name + " is bound by one record only").isNull();
        }
    }

    /** Property name to default, from the page: a value in backticks, or words for a property without one. */
    private static Map<String, String> documented() {
        Map<String, String> properties = new TreeMap<>();
        for (String line : DocumentedExample.in("src/docs/operations.md", "configuration").lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                String cell = row.group(2).strip();
                String value = cell.matches("`[^`]*`") ? cell.substring(1, cell.length() - 1) : NO_DEFAULT;
                assertThat(properties.put(row.group(1), value)).as(row.group(1) + " is documented once").isNull();
            }
        }
        return properties;
    }

    private static Constructor<?> canonicalConstructor(Class<?> record, RecordComponent[] components) {
        try {
            return record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
