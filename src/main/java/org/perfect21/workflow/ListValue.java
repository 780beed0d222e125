package org.perfect21.workflow;

import java.util.AbstractList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The value of a {@code list} parameter: its items (text, numbers, booleans) in order. A template walks it as a
 * section ({@code {{#params.files}}{{.}}{{/params.files}}}) and renders it whole as a JSON array
 * ({@code {{params.files}}} gives {@code ["a.java","b.java"]}).
 */
public final class ListValue extends AbstractList<Object> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Object> items;

    ListValue(List<Object> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The JSON array, as a template renders the whole list. */
    @Override
    public String toString() {
        return JSON.writeValueAsString(items);
    }
}
