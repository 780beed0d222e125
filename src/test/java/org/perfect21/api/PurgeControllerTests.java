package org.perfect21.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfect21.retention.PurgeRecords;
import org.perfect21.retention.PurgeReport;
import org.perfect21.retention.PurgeTrigger;
import org.perfect21.retention.RunPurger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.perfect21.api.ApiSlice.admin;
import static org.perfect21.api.ApiSlice.problem;

/** The admin purge endpoints in the web slice: what reaches the purger and the records, and the report shown. */
@ApiSliceTest
class PurgeControllerTests {

    private static final String REPORT = """
            {"id": 7, "trigger": "api", "dryRun": false, "startedAt": "2026-12-01T03:00:00Z",
             "endedAt": "2026-12-01T03:00:02Z", "durationMs": 2000, "cutoff": "2026-11-01T03:00:00Z", "maxRuns": 10000,
             "runsDeleted": 1, "rowsDeleted": 9, "rowsByTable": {"P21_AGENT_RESULT": 4, "P21_RUN": 5}, "error": null}""";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    RunPurger purger;
    @Autowired
    PurgeRecords records;

    @Test
    void anAdminPurgesTheHistoryAndGetsWhatWasDeleted() {
        given(purger.purge(any(), anyBoolean())).willReturn(report());

        MvcTestResult purge = mvc.post().uri("/api/admin/purge").with(admin()).exchange();

        assertThat(purge).hasStatusOk().bodyJson().isStrictlyEqualTo(REPORT);
        then(purger).should().purge(PurgeTrigger.API, false);
    }

    @Test
    void aDryRunIsAskedOfThePurger() {
        mvc.post().uri("/api/admin/purge?dryRun=true").with(admin()).exchange();

        then(purger).should().purge(PurgeTrigger.API, true);
    }

    @Test
    void aDryRunThatIsNeitherTrueNorFalseIsABadRequestNamingIt() {
        MvcTestResult purge = mvc.post().uri("/api/admin/purge?dryRun=maybe").with(admin()).exchange();

        assertThat(purge).satisfies(problem(400, "The value 'maybe' of parameter 'dryRun' is not true or false."));
        then(purger).shouldHaveNoInteractions();
    }

    @Test
    void recordedPurgesAreListedTwentyAtATimeByDefault() {
        given(records.recent(anyInt())).willReturn(List.of(report()));

        MvcTestResult list = mvc.get().uri("/api/admin/purges").with(admin()).exchange();

        assertThat(list).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"purges\": [" + REPORT + "]}");
        then(records).should().recent(20);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            size=0    | parameter 'size': '0' must be greater than or equal to 1.
            size=501  | parameter 'size': '501' must be less than or equal to 500.
            size=many | The value 'many' of parameter 'size' is not an integer.
            """)
    void aSizeOutOfRangeIsABadRequestNamingIt(String query, String detail) {
        MvcTestResult list = mvc.get().uri("/api/admin/purges?" + query).with(admin()).exchange();

        assertThat(list).satisfies(problem(400, detail));
        then(records).shouldHaveNoInteractions();
    }

    @Test
    void aPurgeIsOnlyEverPosted() {
        MvcTestResult get = mvc.get().uri("/api/admin/purge").with(admin()).exchange();

        assertThat(get).satisfies(problem(405, "Method 'GET' is not supported.")).hasHeader("Allow", "POST");
        then(purger).shouldHaveNoInteractions();
    }

    private static PurgeReport report() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("P21_AGENT_RESULT", 4L);
        rows.put("P21_RUN", 5L);
        return new PurgeReport(7, "api", false, Instant.parse("2026-12-01T03:00:00Z"), Instant.parse("2026-12-01T03:00:02Z"),
                2000L, Instant.parse("2026-11-01T03:00:00Z"), 10_000, 1, 9, rows, null);
    }
}
