package org.perfect21.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.perfect21.usage.Usage;

/**
 * What an agent attempt produced.
 *
 * @param succeeded   whether the attempt succeeded
 * @param output      the captured output (possibly truncated), never null
 * @param outputBytes size of the whole output in bytes, including what was not kept
 * @param truncated   whether {@code output} holds less than the agent produced
 * @param error       why the attempt failed, or null
 * @param usage       tokens and cost the agent reported, or {@link Usage#UNKNOWN}
 * @param model       the model that answered, or null
 * @param retry       how a failed attempt may be retried within the agent's {@code retries}
 */
public record AgentOutcome(boolean succeeded, String output, long outputBytes, boolean truncated, String error,
                           Usage usage, String model, Retry retry) {

    public AgentOutcome {
        usage = usage == null ? Usage.UNKNOWN : usage;
        retry = retry == null ? Retry.AGAIN : retry;
    }

    public AgentOutcome(boolean succeeded, String output, long outputBytes, boolean truncated, String error) {
        this(succeeded, output, outputBytes, truncated, error, Usage.UNKNOWN, null, Retry.AGAIN);
    }

    /**
     * How a failure may be retried.
     *
     * @param allowed whether another attempt may help (a refused key or an exhausted quota will not)
     * @param backoff whether the next attempt waits (exponential backoff with jitter): the failure was transient,
     *                e.g. rate limited or overloaded
     * @param after   the least wait the server asked for ({@code Retry-After}), or null
     */
    public record Retry(boolean allowed, boolean backoff, Duration after) {

        /** Retry at once (the default: a failed command may simply be flaky). */
        public static final Retry AGAIN = new Retry(true, false, null);
        public static final Retry NEVER = new Retry(false, false, null);

        /** A transient failure: retry after a backoff, at least {@code after} (null: the backoff alone). */
        public static Retry backoff(Duration after) {
            return new Retry(true, true, after);
        }
    }

    /** Tokens for the run's context budget: all the call reported, or null when it reported none. */
    public Long tokens() {
        return usage.totalTokens();
    }

    public AgentOutcome withUsage(Usage usage, String model) {
        return new AgentOutcome(succeeded, output, outputBytes, truncated, error, usage, model, retry);
    }

    public AgentOutcome withRetry(Retry retry) {
        return new AgentOutcome(succeeded, output, outputBytes, truncated, error, usage, model, retry);
    }

    public static AgentOutcome success(String output) {
        return new AgentOutcome(true, output, output.getBytes(StandardCharsets.UTF_8).length, false, null);
    }

    public static AgentOutcome failure(String error) {
        return new AgentOutcome(false, "", 0, false, error);
    }
}
