package org.perfect21.cli;

import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON every command prints: indented, the same for run, restart, show, purge and report. */
@Component
class CliJson {

    private final JsonMapper json;

    CliJson(JsonMapper json) {
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    String write(Object document) {
        return json.writeValueAsString(document);
    }
}
