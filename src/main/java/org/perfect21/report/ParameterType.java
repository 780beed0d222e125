package org.perfect21.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The types a report parameter may have, and how a value written as text becomes the value bound. */
public enum ParameterType {

    /** An instant: ISO-8601 ({@code 2026-11-01T00:00:00Z}), a date (UTC midnight), or {@code now}, {@code now-7d}... */
    TIMESTAMP("an instant (2026-11-01T00:00:00Z), a date (2026-11-01), now, or now-7d / now-24h / now-30m / now-90s"),
    TEXT("text"),
    INTEGER("a whole number"),
    NUMBER("a number"),
    BOOLEAN("true or false");

    private static final Pattern RELATIVE = Pattern.compile("now(?:\\s*-\\s*(\\d{1,9})\\s*([dhms]))?");

    private final String expected;

    ParameterType(String expected) {
        this.expected = expected;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a value of this type looks like, for error messages. */
    public String expected() {
        return expected;
    }

    static ParameterType of(String keyword) {
        for (ParameterType type : values()) {
            if (type.keyword().equals(keyword)) {
                return type;
            }
        }
        return null;
    }

    /**
     * The value to bind for {@code text}.
     *
     * @throws IllegalArgumentException when the text is not a value of this type
     */
    Object parse(String text, Clock clock) {
        String value = text.trim();
        return switch (this) {
            case TEXT -> text;
            case INTEGER -> {
                try {
                    yield Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(invalid(text));
                }
            }
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(value);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield d;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(invalid(text));
                }
            }
            case BOOLEAN -> {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    yield Boolean.parseBoolean(value);
                }
                throw new IllegalArgumentException(invalid(text));
            }
            case TIMESTAMP -> timestamp(value, clock);
        };
    }

    private OffsetDateTime timestamp(String value, Clock clock) {
        Matcher relative = RELATIVE.matcher(value.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            Instant now = clock.instant();
            if (relative.group(1) != null) {
                long amount = Long.parseLong(relative.group(1));
                Duration back = switch (relative.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                };
                now = now.minus(back);
            }
            return now.atOffset(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(invalid(value));
            }
        }
    }

    private String invalid(String text) {
        return "'" + text + "' is not " + expected;
    }
}
