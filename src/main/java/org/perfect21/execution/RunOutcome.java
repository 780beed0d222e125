package org.perfect21.execution;

/**
 * How a run ended.
 *
 * @param runId  the run
 * @param status its final status ({@code COMPLETED}, {@code FAILED}, ...)
 */
public record RunOutcome(String runId, String status) {
}
