package org.perfect21.api;

/** The answer to a launch, restart or stop: the run and its status at that moment. */
record LaunchResponse(String runId, String status) {
}
