package org.perfect21.agent.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentOutcome.Retry;
import org.perfect21.agent.http.ModelTransport.AnswerTooLarge;

/**
 * Why a model call failed, as an agent error, and whether another attempt may help: rate limits, overload,
 * timeouts, conflicts and server errors (408, 409, 429, 5xx, 529) are retried after a backoff, at least as long as
 * the server's {@code Retry-After}; any other 4xx is not, and neither is an exhausted quota or spend limit, whatever
 * its status.
 */
final class ModelFailures {

    private static final Set<Integer> TRANSIENT = Set.of(408, 409, 429);
    private static final Set<String> NO_MONEY = Set.of("insufficient_quota", "billing_error", "billing_hard_limit_reached");
    private static final Pattern NO_MONEY_TEXT = Pattern.compile("(?i)insufficient.quota|spend(ing)? limit|credit balance|billing");
    private static final int QUOTED = 500;

    private ModelFailures() {
    }

    /** The failed attempt's outcome; {@code redact} takes the key out of every message. */
    static AgentOutcome outcome(Throwable error, HttpAgentSpec spec, UnaryOperator<String> redact) {
        Throwable cause = unwrap(error);
        AnswerTooLarge tooLarge = find(cause, AnswerTooLarge.class);
        if (tooLarge != null) {
            return AgentOutcome.failure(spec.baseUrl() + ": " + tooLarge.getMessage()).withRetry(Retry.NEVER);
        }
        if (cause instanceof AnthropicServiceException e) {
            return status(spec, e.statusCode(), e.headers().values("retry-after-ms"), e.headers().values("retry-after"),
                    body(() -> e.body().convert(Object.class)), redact);
        }
        if (cause instanceof OpenAIServiceException e) {
            return status(spec, e.statusCode(), e.headers().values("retry-after-ms"), e.headers().values("retry-after"),
                    body(() -> e.body().convert(Object.class)), redact);
        }
        if (cause instanceof AnthropicInvalidDataException || cause instanceof OpenAIInvalidDataException) {
            return AgentOutcome.failure(redact.apply("the answer of " + spec.baseUrl() + " is not an " + spec.provider().api()
                    + " answer: " + quote(rootMessage(cause))));
        }
        IOException io = find(cause, IOException.class);
        if (io != null) {
            return AgentOutcome.failure(redact.apply("cannot reach " + spec.baseUrl() + ": " + rootMessage(io)))
                    .withRetry(Retry.backoff(null));
        }
        return AgentOutcome.failure(redact.apply("calling " + spec.baseUrl() + " failed: " + rootMessage(cause)));
    }

    private static AgentOutcome status(HttpAgentSpec spec, int status, List<String> retryAfterMs, List<String> retryAfter,
                                       Object body, UnaryOperator<String> redact) {
        // Anthropic's error document is {"type": "error", "error": {...}}; the OpenAI SDK hands over the inner object.
        Map<?, ?> error = !(body instanceof Map<?, ?> document) ? Map.of()
                : document.get("error") instanceof Map<?, ?> inner ? inner : document;
        String type = text(error.get("type"));
        String code = text(error.get("code"));
        String said = text(error.get("message"));
        StringBuilder message = new StringBuilder(spec.provider().api()).append(" at ").append(spec.baseUrl())
                .append(" answered ").append(status);
        String kind = code != null ? code : type;
        if (kind != null) {
            message.append(" (").append(kind).append(')');
        }
        message.append(said != null ? ": " + quote(said) : body instanceof Map ? "" : ": the answer is not an error document");
        AgentOutcome failure = AgentOutcome.failure(redact.apply(message.toString()));
        boolean noMoney = (code != null && NO_MONEY.contains(code)) || (type != null && NO_MONEY.contains(type))
                || (said != null && NO_MONEY_TEXT.matcher(said).find());
        if (noMoney) {
            return failure.withRetry(Retry.NEVER);
        }
        if (TRANSIENT.contains(status) || status >= 500) {
            return failure.withRetry(Retry.backoff(retryAfter(retryAfterMs, retryAfter)));
        }
        return status >= 400 && status < 500 ? failure.withRetry(Retry.NEVER) : failure;
    }

    /**
     * The wait the server asked for: {@code retry-after-ms} (milliseconds, as both providers send), else
     * {@code Retry-After} in seconds or as an HTTP date; null when it asked for none or said nonsense.
     */
    static Duration retryAfter(List<String> retryAfterMs, List<String> retryAfter) {
        try {
            if (!retryAfterMs.isEmpty()) {
                return Duration.ofMillis(new BigDecimal(retryAfterMs.get(0).trim()).longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // Fall back on Retry-After.
        }
        if (retryAfter.isEmpty()) {
            return null;
        }
        String value = retryAfter.get(0).trim();
        try {
            BigDecimal seconds = new BigDecimal(value);
            return seconds.signum() < 0 ? null : Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private interface BodyReader {
        Object read();
    }

    /** The error document as plain maps and lists; null when the answer was not JSON. */
    private static Object body(BodyReader reader) {
        try {
            return reader.read();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    private static String quote(String text) {
        String line = text.strip();
        return line.length() <= QUOTED ? line : line.substring(0, QUOTED) + "...";
    }
}
