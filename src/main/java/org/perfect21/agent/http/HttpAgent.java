package org.perfect21.agent.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.perfect21.agent.AgentCall;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentOutcome.Retry;
import org.perfect21.agent.AgentRunner;
import org.perfect21.usage.ModelPrices;
import org.perfect21.usage.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared http agent: each attempt is one request to the model server through the provider's SDK over the
 * shared {@link ModelTransport}, holding no thread while it waits. The key is read from the environment at each
 * attempt (a missing one fails the agent, naming the variable) and taken out of every message.
 */
final class HttpAgent implements AgentRunner {

    private static final Logger log = LoggerFactory.getLogger(HttpAgent.class);

    private final String name;
    private final HttpAgentSpec spec;
    private final ModelTransport transport;
    private final ModelPrices prices;
    private final UnaryOperator<String> variables;

    HttpAgent(String name, HttpAgentSpec spec, ModelTransport transport, ModelPrices prices, UnaryOperator<String> variables) {
        this.name = name;
        this.spec = spec;
        this.transport = transport;
        this.prices = prices;
        this.variables = variables;
    }

    HttpAgentSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<AgentOutcome> start(AgentCall call) {
        String key = null;
        if (spec.keyVariable() != null) {
            key = variables.apply(spec.keyVariable());
            if (key == null || key.isBlank()) {
                return CompletableFuture.completedFuture(AgentOutcome.failure("the environment variable " + spec.keyVariable()
                        + " (apiKeyEnv) that holds the API key of " + name + " is not set").withRetry(Retry.NEVER));
            }
        }
        UnaryOperator<String> redact = redaction(key);
        SdkTransport attempt = new SdkTransport(transport, key == null);
        long started = System.nanoTime();
        CompletableFuture<ModelReply> reply;
        try {
            reply = spec.provider() == Provider.ANTHROPIC
                    ? AnthropicCall.ask(spec, attempt, key, call.systemPrompt(), call.instruction())
                    : OpenAiCall.ask(spec, attempt, key, call.systemPrompt(), call.instruction());
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<AgentOutcome> outcome = reply.handle((answer, error) -> error == null
                ? outcome(answer, redact) : ModelFailures.outcome(error, spec, redact));
        CompletableFuture<AgentOutcome> result = new CompletableFuture<>();
        outcome.whenComplete((done, error) -> {
            AgentOutcome ended = error == null ? done
                    : AgentOutcome.failure(redact.apply("http agent " + name + " failed: " + ModelFailures.rootMessage(error)));
            log(call, ended, (System.nanoTime() - started) / 1_000_000);
            result.complete(ended);
        });
        // The platform gave up on the attempt (timeout, deadline, stop): abort its exchange.
        result.whenComplete((done, error) -> {
            if (error != null) {
                attempt.abort();
            }
        });
        return result;
    }

    private AgentOutcome outcome(ModelReply reply, UnaryOperator<String> redact) {
        String model = reply.model() == null || reply.model().isBlank() ? spec.model() : reply.model();
        Usage usage = prices.withCost(model, reply.usage());
        String text = redact.apply(reply.text());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= spec.maxOutput()) {
            return AgentOutcome.success(text).withUsage(usage, model);
        }
        return new AgentOutcome(true, prefix(bytes, (int) spec.maxOutput()), bytes.length, true, null, usage, model, null);
    }

    /** The longest whole-character UTF-8 prefix of at most {@code max} bytes. */
    private static String prefix(byte[] bytes, int max) {
        int end = max;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static UnaryOperator<String> redaction(String key) {
        return key == null ? UnaryOperator.identity() : text -> text == null ? null : text.replace(key, "[redacted]");
    }

    private void log(AgentCall call, AgentOutcome outcome, long millis) {
        if (log.isDebugEnabled()) {
            log.debug("http agent {} (run {}, phase {}, attempt {}) {} in {} ms: {} {}, model {}, usage {}", name, call.runId(),
                    call.phase(), call.attempt(), outcome.succeeded() ? "succeeded" : "failed", millis, spec.provider().key(),
                    spec.baseUrl(), outcome.model(), outcome.usage());
        }
    }
}
