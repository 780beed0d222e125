package org.perfect21.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed baseline of the gate's deterministic costs ({@code ops/bench-baseline.json}): per reference workflow,
 * the median SQL statements, bytes allocated and threads created per run, with the reason it was last written.
 * Updating it is a deliberate commit: {@code ops/bench --gate --update-baseline "<reason>"}.
 */
record GateBaseline(String reason, String measuredOn, double tolerance, Map<String, RunCosts.Costs> workflows) {

    /** Growth past the baseline that fails the gate. */
    static final double TOLERANCE = 0.05;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static GateBaseline read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist: write it with ops/bench --gate --update-baseline \"<reason>\"");
        }
        return JSON.readValue(file.toFile(), GateBaseline.class);
    }

    static GateBaseline of(String reason, String measuredOn, Map<String, RunCosts.Costs> workflows) {
        return new GateBaseline(reason, measuredOn, TOLERANCE, new LinkedHashMap<>(workflows));
    }

    void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }
}
