package org.perfect21.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.perfect21.retention.PurgeRecords;
import org.perfect21.retention.PurgeReport;
import org.perfect21.retention.PurgeTrigger;
import org.perfect21.retention.RunPurger;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The retention purge on demand, and the record of purges. Admin only (as all of {@code /api/admin/**}). */
@RestController
@Tag(name = "admin", description = "Administration: the run history's retention purge")
class PurgeController {

    private final RunPurger purger;
    private final PurgeRecords records;

    PurgeController(RunPurger purger, PurgeRecords records) {
        this.purger = purger;
        this.records = records;
    }

    @PostMapping(path = "/api/admin/purge", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Purge the run history now", description = "Deletes whole runs that ended longer ago than "
            + "perfect21.retention.max-age, and the oldest beyond the newest perfect21.retention.max-runs runs: their "
            + "Spring Batch rows, phases, agent results and stored outputs. Queued and running runs are never touched. "
            + "Answers when the purge has ended, with what it deleted; with dryRun=true it deletes nothing and answers "
            + "what it would delete. Every purge is recorded (GET /api/admin/purges).")
    @ApiResponse(responseCode = "200", description = "the purge report: runs and rows deleted (or that would be), cutoff, duration")
    @ApiProblem(status = 400, description = "dryRun is not true or false")
    @ApiProblem(status = 409, description = "a purge is running in this server already")
    PurgeReport purge(@Parameter(description = "only count what would be deleted") @RequestParam(defaultValue = "false")
                      boolean dryRun) {
        return purger.purge(PurgeTrigger.API, dryRun);
    }

    @GetMapping(path = "/api/admin/purges", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List recorded purges", description = "Purges newest first, scheduled, API and command-line "
            + "ones; a purge still running (or cut short by its process dying) has no endedAt.")
    @ApiProblem(status = 400, description = "size is out of range or not an integer (named)")
    PurgeList purges(@Parameter(description = "purges to list, 1 to 500") @RequestParam(defaultValue = "20") @Min(1) @Max(500)
                     int size) {
        return new PurgeList(records.recent(size));
    }

    /** Recorded purges, newest first. */
    record PurgeList(List<PurgeReport> purges) {
    }
}
