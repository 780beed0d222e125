package org.perfect21.history;

import org.perfect21.report.ReportRunner;

/** Breaks the module rules on purpose (history may depend on no feature): {@code ModularityTests} feeds it to the check. */
final class HistoryReadingReportsFixture {

    private final ReportRunner reports;

    HistoryReadingReportsFixture(ReportRunner reports) {
        this.reports = reports;
    }

    Object failures() {
        return reports.run("failures", java.util.Map.of());
    }
}
