package org.perfect21.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.retention.PurgeReport;

import static org.assertj.core.api.Assertions.assertThat;

class PurgeSummaryTests {

    @Test
    void oneRunAndOneRowAreSingularAndTheDurationIsWrittenAsPeopleWriteIt() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("P21_RUN", 1L);
        PurgeReport report = new PurgeReport(7, "cli", false, Instant.EPOCH, Instant.EPOCH.plusMillis(1500), 1500L,
                Instant.parse("2026-11-01T00:00:00Z"), 1, 1, 1, rows, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PurgeSummary.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("deleted 1 run, 1 row in 1.5s (purge 7)\n")
                .contains("or older than the newest 1 run;");
    }
}
