package org.perfect21.report;

import java.util.List;
import java.util.Map;

/** Parameters given to a report that it does not declare, cannot parse, or misses; each is named. */
public class InvalidReportParametersException extends RuntimeException {

    private final transient Map<String, String> problems;

    public InvalidReportParametersException(String report, Map<String, String> problems) {
        super("invalid parameters for report '" + report + "': " + String.join("; ",
                problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        this.problems = Map.copyOf(problems);
    }

    /** Each problem by parameter name. */
    public Map<String, String> problems() {
        return problems;
    }

    public List<String> parameters() {
        return problems.keySet().stream().sorted().toList();
    }
}
