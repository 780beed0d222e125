package org.perfect21.workflow;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML value that remembers its line: scalars as String, Long, Double, Boolean or null; lists of
 * nodes; maps of keys to nodes. Built from SnakeYAML's composed node tree so every problem can name
 * its line. {@code block} marks a literal or folded scalar ({@code |}, {@code >}), whose text starts on the next line.
 */
record YamlNode(Object value, int line, boolean block) {

    YamlNode(Object value, int line) {
        this(value, line, false);
    }

    /** Thrown for YAML that cannot be read; {@code line} is 1-based within the parsed text. */
    static final class YamlSyntaxException extends Exception {
        final int line;

        YamlSyntaxException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static YamlNode parse(Reader reader) throws YamlSyntaxException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new YamlSyntaxException("malformed YAML: " + problem, mark == null ? 0 : mark.getLine() + 1);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new YamlSyntaxException("malformed YAML: " + e.getMessage(), 0);
        }
        return root == null ? new YamlNode(null, 1) : convert(root);
    }

    private static YamlNode convert(Node node) throws YamlSyntaxException {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode scalar) {
            DumperOptions.ScalarStyle style = scalar.getScalarStyle();
            return new YamlNode(scalar(scalar), line,
                    style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED);
        }
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item));
            }
            return new YamlNode(items, line);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlSyntaxException("keys must be plain names", tuple.getKeyNode().getStartMark().getLine() + 1);
            }
            if (entries.put(key.getValue(), convert(tuple.getValueNode())) != null) {
                throw new YamlSyntaxException("duplicate key '" + key.getValue() + "'", key.getStartMark().getLine() + 1);
            }
        }
        return new YamlNode(entries, line);
    }

    private static Object scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase()) || "yes".equalsIgnoreCase(text) || "on".equalsIgnoreCase(text);
            }
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isScalar() {
        return !isMap() && !isList();
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return (List<YamlNode>) value;
    }

    /** The value with line information dropped, for handing to agent kinds. */
    Object plain() {
        if (isMap()) {
            Map<String, Object> result = new LinkedHashMap<>();
            map().forEach((k, v) -> result.put(k, v.plain()));
            return result;
        }
        if (isList()) {
            return list().stream().map(YamlNode::plain).toList();
        }
        return value;
    }

    String text() {
        return value == null ? null : value.toString();
    }
}
