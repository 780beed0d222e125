package org.perfect21.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.perfect21.config.Perfect21Properties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfect21.api.RunApiTests.assertProblem;

/** Schedules over HTTP: the server registers them from the definitions at start; operators pause and resume. */
@ApiServerTest
class ScheduleApiTests {

    
    @LocalServerPort
    int port;
    @Autowired
    Perfect21Properties properties;

    @Test
    void theServerRegistersSchedulesFromTheDefinitionsAndListsThem() {
        ApiClient.Answer list = new ApiClient(port).get("/api/schedules", ApiClient.VIEWER);

        assertThat(list.status()).isEqualTo(200);
        JsonNode yearly = list.json().path("schedules").get(0);
        assertThat(yearly.path("workflow").asString()).isEqualTo("yearly");
        assertThat(yearly.path("cron").asString()).isEqualTo("0 0 5 1 1 ? 2099");
        assertThat(yearly.path("zone").asString()).isEqualTo("UTC");
        assertThat(yearly.path("misfire").asString()).isEqualTo("fire-once");
        assertThat(yearly.path("params").path("count").asInt()).isEqualTo(4);
        assertThat(yearly.path("nextFireTime").asString()).isEqualTo("2099-01-01T05:00:00Z");
        assertThat(list.json().path("schedules").findValuesAsString("workflow")).as("only scheduled workflows")
                .doesNotContain("quick", "typed", "slow", "sleeper");
    }

    @Test
    void aScheduleAddedToAFileAppearsAtTheNextListingAndGoesWhenRemoved() throws IOException {
        ApiClient api = new ApiClient(port);
        Path file = properties.jobsDir().resolve("workflows/added.yml");
        Files.writeString(file, """
                name: added
                schedule: {cron: "0 0 6 1 1 ? 2099"}
                phases:
                  - name: only
                    agents:
                      - {name: a, kind: simulated, latency: 10ms}
                """);
        try {
            assertThat(api.get("/api/schedules", ApiClient.VIEWER).json().path("schedules").findValuesAsString("workflow"))
                    .contains("added", "yearly");
        } finally {
            Files.delete(file);
        }
        assertThat(api.get("/api/schedules", ApiClient.VIEWER).json().path("schedules").findValuesAsString("workflow"))
                .doesNotContain("added");
    }

    @Test
    void operatorsPauseAndResumeASchedule() {
        ApiClient api = new ApiClient(port);

        assertThat(api.post("/api/schedules/yearly/pause", ApiClient.VIEWER, null).status()).isEqualTo(403);
        ApiClient.Answer paused = api.post("/api/schedules/yearly/pause", ApiClient.OPERATOR, null);
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("state").asString()).isEqualTo("PAUSED");
        assertThat(api.get("/api/schedules", ApiClient.VIEWER).json().path("schedules").get(0).path("state").asString())
                .isEqualTo("PAUSED");
        ApiClient.Answer resumed = api.post("/api/schedules/yearly/resume", ApiClient.OPERATOR, null);
        assertThat(resumed.json().path("state").asString()).isEqualTo("NORMAL");
        assertProblem(api.post("/api/schedules/quick/pause", ApiClient.OPERATOR, null), 404, "'quick' has no schedule");
    }
}
