package org.perfect21.agent.claude;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentOutcome.Retry;
import org.perfect21.agent.process.ProcessAttempt.Exited;
import org.perfect21.usage.Usage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one run of the CLI answered: its result document ({@code --output-format json}: one object of
 * {@code type: result}) read into the attempt's outcome, with the session and turns it took.
 *
 * @param sessionId the CLI's session id, or null
 * @param turns     the turns it took ({@code num_turns}), or null
 */
record ClaudeAnswer(AgentOutcome outcome, String sessionId, Integer turns) {

    /** API statuses that say "try again later": rate limited, overloaded, a server error or a gateway's. */
    private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504, 529);
    private static final Pattern TRANSIENT_TEXT = Pattern.compile("(?i)overloaded|rate.?limit|too many requests|\\b(429|529)\\b");
    private static final Pattern REFUSED_TEXT = Pattern.compile("(?i)invalid api key|authenticat|\\b(401|403)\\b");
    private static final int QUOTED = 500;

    /** Reads how the process ended; {@code redact} takes credentials out of every message. */
    static ClaudeAnswer read(Exited exited, JsonMapper json, UnaryOperator<String> redact, long maxOutput) {
        JsonNode document = document(exited.stdout().text(), json);
        if (document == null) {
            return new ClaudeAnswer(withoutDocument(exited, redact, maxOutput), null, null);
        }
        Usage usage = usage(document);
        String model = model(document);
        String sessionId = text(document, "session_id");
        Integer turns = document.path("num_turns").isIntegralNumber() ? document.path("num_turns").asInt() : null;
        String subtype = text(document, "subtype");
        boolean failed = document.path("is_error").asBoolean(false) || !"success".equals(subtype);
        AgentOutcome outcome = failed
                ? AgentOutcome.failure(redact.apply(failure(document, subtype))).withRetry(retry(document))
                : AgentOutcome.success(redact.apply(document.path("result").asString("")));
        return new ClaudeAnswer(outcome.withUsage(usage, model), sessionId, turns);
    }

    /** The result document: all of stdout, else its last line that is a JSON object; null when there is none. */
    private static JsonNode document(String stdout, JsonMapper json) {
        String text = stdout.strip();
        if (text.isEmpty()) {
            return null;
        }
        JsonNode whole = parse(text, json);
        if (whole != null) {
            return whole;
        }
        String last = text.substring(text.lastIndexOf('\n') + 1);
        return last.equals(text) ? null : parse(last, json);
    }

    private static JsonNode parse(String text, JsonMapper json) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return "result".equals(node.path("type").asString("")) ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static AgentOutcome withoutDocument(Exited exited, UnaryOperator<String> redact, long maxOutput) {
        if (exited.stdout().truncated()) {
            return AgentOutcome.failure("Claude Code's answer is larger than perfect21.agents.claude.max-output ("
                    + maxOutput + " bytes)").withRetry(Retry.NEVER);
        }
        String said = exited.stderr().text().strip();
        if (said.isEmpty()) {
            said = tail(exited.stdout().text().strip());
        }
        said = redact.apply(said);
        if (exited.exitCode() == 0) {
            return AgentOutcome.failure("Claude Code printed no result document" + (said.isEmpty() ? "" : ": " + said));
        }
        AgentOutcome failure = AgentOutcome.failure("Claude Code exited with code " + exited.exitCode()
                + (said.isEmpty() ? "" : ": " + said));
        if (TRANSIENT_TEXT.matcher(said).find()) {
            return failure.withRetry(Retry.backoff(null));
        }
        return REFUSED_TEXT.matcher(said).find() ? failure.withRetry(Retry.NEVER) : failure;
    }

    private static String failure(JsonNode document, String subtype) {
        // An API error comes as subtype success with is_error: its terminal reason says more.
        String reason = subtype != null && !"success".equals(subtype) ? subtype
                : text(document, "terminal_reason") != null ? text(document, "terminal_reason") : "error";
        StringBuilder message = new StringBuilder("Claude Code failed (").append(reason);
        JsonNode status = document.path("api_error_status");
        if (status.isIntegralNumber()) {
            message.append(", API status ").append(status.asInt());
        }
        message.append(')');
        String said = document.path("result").asString("");
        if (said.isEmpty() && document.path("errors").isArray()) {
            said = String.join("; ", document.path("errors").valueStream().map(e -> e.asString("")).toList());
        }
        return said.isEmpty() ? message.toString() : message.append(": ").append(tail(said)).toString();
    }

    private static Retry retry(JsonNode document) {
        JsonNode status = document.path("api_error_status");
        if (!status.isIntegralNumber()) {
            return Retry.AGAIN;
        }
        int code = status.asInt();
        if (TRANSIENT.contains(code)) {
            return Retry.backoff(null);
        }
        // A refused key, a forbidden model, a request the API will refuse again.
        return code >= 400 && code < 500 ? Retry.NEVER : Retry.AGAIN;
    }

    private static Usage usage(JsonNode document) {
        JsonNode usage = document.path("usage");
        JsonNode cost = document.path("total_cost_usd");
        return new Usage(count(usage, "input_tokens"), count(usage, "output_tokens"), count(usage, "cache_read_input_tokens"),
                count(usage, "cache_creation_input_tokens"), cost.isNumber() ? cost.decimalValue() : null);
    }

    /** The {@code model} key, else the model of {@code modelUsage} that wrote the most (side calls use smaller ones). */
    private static String model(JsonNode document) {
        String model = text(document, "model");
        if (model != null) {
            return model;
        }
        String busiest = null;
        long most = -1;
        for (Map.Entry<String, JsonNode> entry : document.path("modelUsage").properties()) {
            long output = entry.getValue().path("outputTokens").asLong(0);
            if (output > most) {
                busiest = entry.getKey();
                most = output;
            }
        }
        return busiest;
    }

    private static Long count(JsonNode usage, String key) {
        JsonNode value = usage.path(key);
        return value.isIntegralNumber() ? Long.valueOf(value.asLong()) : null;
    }

    private static String text(JsonNode document, String key) {
        JsonNode value = document.path(key);
        return value.isString() ? value.asString() : null;
    }

    private static String tail(String text) {
        return text.length() <= QUOTED ? text : "..." + text.substring(text.length() - QUOTED);
    }
}
