package org.perfect21.report;

/**
 * A parameter a report declares in its header: {@code -- param: from timestamp = now-7d # start of the window}.
 *
 * @param defaultValue the default as written; null when the parameter is required or its default is "not set"
 * @param required     no default: the caller must give a value
 * @param description  what it means, or null
 */
public record ReportParameter(String name, ParameterType type, boolean required, String defaultValue, String description) {
}
