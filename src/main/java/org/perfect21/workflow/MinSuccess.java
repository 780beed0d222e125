package org.perfect21.workflow;

/**
 * How many agents of a phase must succeed for the run to go on: a count, a percentage, or all.
 *
 * @param count   an absolute count, or null
 * @param percent a percentage 0..100, or null
 */
public record MinSuccess(Integer count, Integer percent) {

    public static final MinSuccess ALL = new MinSuccess(null, 100);

    /** The number of successes required out of {@code agents}. */
    public int requiredOf(int agents) {
        if (count != null) {
            return Math.min(count, agents);
        }
        return (int) Math.ceil(agents * percent / 100.0);
    }

    /** Parses {@code 3} or {@code 80%}; returns null when the text is neither. */
    static MinSuccess parse(Object value) {
        if (value instanceof Long n) {
            return n >= 0 && n <= 100_000 ? new MinSuccess(n.intValue(), null) : null;
        }
        String text = String.valueOf(value).trim();
        if (text.endsWith("%")) {
            try {
                double p = Double.parseDouble(text.substring(0, text.length() - 1).trim());
                return p >= 0 && p <= 100 && p == Math.floor(p) ? new MinSuccess(null, (int) p) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if ("all".equalsIgnoreCase(text)) {
            return ALL;
        }
        return null;
    }

    @Override
    public String toString() {
        return count != null ? String.valueOf(count) : percent + "%";
    }
}
