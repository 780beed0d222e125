package org.perfect21.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians and formatting. */
final class Stats {

    private Stats() {
    }

    static <T> double median(List<T> samples, ToDoubleFunction<T> value) {
        double[] values = samples.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static String ms(double nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    static String ratio(double value) {
        return String.format("%.3f", value);
    }
}
