package org.perfect21.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live platform threads of this whole JVM, as {@link ThreadMXBean} counts them (the JVM's own Java threads too,
 * not its GC and compiler threads): now, the peak since {@link #resetPeak()}, and by pool.
 */
final class LiveThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LiveThreads() {
    }

    static int now() {
        return THREADS.getThreadCount();
    }

    /** Starts a new peak at the threads live now. */
    static void resetPeak() {
        THREADS.resetPeakThreadCount();
    }

    static int peak() {
        return THREADS.getPeakThreadCount();
    }

    /**
     * The live threads of the measuring harness, not of the platform: the bench's own client threads (one per run it
     * launches) and the stand-in's server threads, which stand where clients and the model's servers would be.
     */
    static int harness() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread.isAlive() && (name.startsWith("bench-run") || name.startsWith("stand-in-") || name.equals("HTTP-Dispatcher"))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Live threads counted by name, with the trailing number (a pool's threads count as one name) and any file path
     * (H2's writer names its database file) taken off.
     */
    static Map<String, Integer> byPool() {
        Map<String, Integer> pools = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            pools.merge(thread.getName().replaceFirst(" /.*$", "").replaceFirst("[-#_ ]?\\d+$", ""), 1, Integer::sum);
        }
        return pools;
    }

    /** The pools as "name ×count", largest first. */
    static String describe(Map<String, Integer> pools) {
        return String.join(", ", pools.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> "`" + e.getKey() + "` ×" + e.getValue()).toList());
    }
}
