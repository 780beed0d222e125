package org.perfect21.optimizer;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.perfect21.cache.CacheTrimmer;
import org.perfect21.launch.RunLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The memory pressure state, fed with heap pool usage by {@link HeapWatch} (threshold and GC
 * notifications) and by the optimizer's tick. When any watched pool reaches the high mark it trims
 * caches and holds queued runs; when every watched pool is below the low mark again it lets them
 * start. Both transitions are recorded as decisions and counted; {@code perfect21.memory.pressure}
 * is 1 while it holds.
 */
@Component
public class MemoryPressure {

    static final String HOLD_PREFIX = "memory pressure";
    private static final Logger log = LoggerFactory.getLogger(MemoryPressure.class);

    private final MemoryProperties marks;
    private final RunLauncher launcher;
    private final CacheTrimmer caches;
    private final DecisionLog decisions;
    private final Executor recorder;
    // Guarded by this: the latest usage / max of each watched pool.
    private final Map<String, Double> ratios = new HashMap<>();
    private volatile boolean underPressure;
    private final AtomicLong entered = new AtomicLong();
    private final AtomicLong left = new AtomicLong();

    // Rows are written on the agent executor, never on the JVM's notification thread.
    MemoryPressure(MemoryProperties marks, RunLauncher launcher, CacheTrimmer caches, DecisionLog decisions,
                   @Qualifier("agentExecutor") Executor recorder, ObjectProvider<MeterRegistry> meters) {
        this.marks = marks;
        this.launcher = launcher;
        this.caches = caches;
        this.decisions = decisions;
        this.recorder = recorder;
        meters.ifAvailable(registry -> {
            Gauge.builder("perfect21.memory.pressure", this, p -> p.underPressure ? 1 : 0)
                    .description("1 while memory pressure holds queued runs, else 0").register(registry);
            FunctionCounter.builder("perfect21.memory.pressure.transitions", entered, AtomicLong::get).tag("to", "entered")
                    .description("memory pressure transitions").register(registry);
            FunctionCounter.builder("perfect21.memory.pressure.transitions", left, AtomicLong::get).tag("to", "left")
                    .description("memory pressure transitions").register(registry);
        });
    }

    public boolean underPressure() {
        return underPressure;
    }

    public MemoryProperties marks() {
        return marks;
    }

    /**
     * The usage of a watched heap pool, as a notification or a check saw it.
     *
     * @param source what saw it: {@code threshold}, {@code after-gc} or {@code check}
     */
    synchronized void observe(String pool, long used, long max, String source) {
        if (max <= 0) {
            return;
        }
        double ratio = (double) used / max;
        ratios.put(pool, ratio);
        if (!underPressure && ratio >= marks.high()) {
            enter(pool, used, max, ratio, source);
        } else if (underPressure && ratios.values().stream().allMatch(r -> r < marks.low())) {
            leave(pool, used, max, ratio, source);
        }
    }

    private void enter(String pool, long used, long max, double ratio, String source) {
        underPressure = true;
        entered.incrementAndGet();
        launcher.holdStarts(HOLD_PREFIX + ": heap at " + PoolSizing.percent(ratio));
        List<CacheTrimmer.Trimmed> trimmed = caches.trimAll();
        Map<String, Object> inputs = inputs(pool, used, max, ratio, source);
        Map<String, Object> dropped = new LinkedHashMap<>();
        trimmed.forEach(t -> dropped.put(t.cache(), t.dropped()));
        inputs.put("trimmed", dropped);
        log.warn("Memory pressure: {} at {} of its maximum (high mark {}); queued runs are held, {} cache(s) trimmed",
                pool, PoolSizing.percent(ratio), PoolSizing.percent(marks.high()), trimmed.size());
        record("entered", inputs, pool + " at " + PoolSizing.percent(ratio) + " reached the high mark "
                + PoolSizing.percent(marks.high()) + " (" + source + "): caches trimmed, queued runs held");
    }

    private void leave(String pool, long used, long max, double ratio, String source) {
        underPressure = false;
        left.incrementAndGet();
        String held = launcher.heldBecause();
        // Resume only our own hold.
        if (held != null && held.startsWith(HOLD_PREFIX)) {
            launcher.resumeStarts();
        }
        log.info("Memory pressure over: {} at {} (low mark {}); queued runs start again", pool,
                PoolSizing.percent(ratio), PoolSizing.percent(marks.low()));
        record("left", inputs(pool, used, max, ratio, source), "every watched heap pool below the low mark "
                + PoolSizing.percent(marks.low()) + " (" + pool + " at " + PoolSizing.percent(ratio) + ", " + source
                + "): queued runs start again");
    }

    private Map<String, Object> inputs(String pool, long used, long max, double ratio, String source) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("pool", pool);
        inputs.put("used", used);
        inputs.put("max", max);
        inputs.put("ratio", Math.round(ratio * 10_000) / 10_000.0);
        inputs.put("high", marks.high());
        inputs.put("low", marks.low());
        inputs.put("source", source);
        inputs.put("queued", launcher.queued());
        inputs.put("executing", launcher.executing());
        return inputs;
    }

    private void record(String outcome, Map<String, Object> inputs, String detail) {
        Decision decision = Decision.of(Instant.now(), DecisionKind.MEMORY_PRESSURE, "heap", outcome, inputs, detail);
        try {
            recorder.execute(() -> {
                try {
                    decisions.record(List.of(decision));
                } catch (RuntimeException e) {
                    log.warn("Could not record the memory pressure transition ({}): {}", outcome, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Memory pressure transition ({}) not recorded: the application is closing", outcome);
        }
    }
}
