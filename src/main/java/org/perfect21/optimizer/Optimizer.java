package org.perfect21.optimizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.perfect21.cache.CacheTrimmer;
import org.perfect21.execution.AgentPool;
import org.perfect21.execution.ExecutorUtilization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One optimizer tick, run by {@link OptimizerJob}: over the window since the previous tick it sizes
 * the agent threads from their utilization, trims caches when memory is short, and evaluates the
 * SLOs from the history tables. Every decision, including "keep", is recorded with its inputs.
 */
@Component
public class Optimizer {

    private static final Logger log = LoggerFactory.getLogger(Optimizer.class);

    private final OptimizerProperties properties;
    private final AgentPool pool;
    private final SloSampler samples;
    private final DecisionLog decisions;
    private final CacheTrimmer caches;
    private final MemoryPressure pressure;
    private final HeapWatch heap;
    // Guarded by this: where the current window began.
    private ExecutorUtilization.Snapshot windowStart;
    private Instant windowStartedAt;
    private volatile double lastUtilization;

    Optimizer(OptimizerProperties properties, AgentPool pool, SloSampler samples, DecisionLog decisions, CacheTrimmer caches,
              MemoryPressure pressure, HeapWatch heap, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.pool = pool;
        this.samples = samples;
        this.decisions = decisions;
        this.caches = caches;
        this.pressure = pressure;
        this.heap = heap;
        this.windowStart = pool.utilization();
        this.windowStartedAt = Instant.now();
        meters.ifAvailable(registry -> Gauge.builder("perfect21.agents.utilization", this, o -> o.lastUtilization)
                .description("agent executor utilization over the optimizer's last window (0..1)").register(registry));
    }

    /** Runs one tick and returns the decisions it recorded. */
    public synchronized List<Decision> tick() {
        Instant now = Instant.now();
        ExecutorUtilization.Snapshot snapshot = pool.utilization();
        List<Decision> made = new ArrayList<>();
        made.add(sizePool(now, Utilization.between(windowStart, snapshot, pool.threads())));
        made.add(trimCaches(now));
        made.addAll(evaluateSlos(now));
        decisions.record(made);
        int pruned = decisions.deleteBefore(now.minus(properties.keepDecisions()));
        if (pruned > 0) {
            log.debug("Deleted {} optimizer decisions older than {}", pruned, properties.keepDecisions());
        }
        windowStart = snapshot;
        windowStartedAt = now;
        return made;
    }

    private Decision sizePool(Instant now, Utilization window) {
        lastUtilization = window.utilization();
        PoolSizing.Outcome sized = PoolSizing.decide(new PoolSizing.Inputs(pool.agentThreads(), window.utilization(),
                properties.minAgentThreads(), properties.maxAgentThreads()));
        if (sized.to() != sized.from()) {
            pool.resize(sized.to());
            log.info("Agent threads {} -> {}: {}", sized.from(), sized.to(), sized.reason());
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("utilization", Math.round(window.utilization() * 10_000) / 10_000.0);
        inputs.put("windowMs", window.elapsedNanos() / 1_000_000);
        inputs.put("agentBusyMs", window.agentBusyNanos() / 1_000_000);
        inputs.put("runHeldMs", window.runHeldNanos() / 1_000_000);
        inputs.put("agentTasks", window.agentTasks());
        inputs.put("agentThreads", sized.from());
        inputs.put("runSlots", pool.runSlots());
        inputs.put("minAgentThreads", properties.minAgentThreads());
        inputs.put("maxAgentThreads", properties.maxAgentThreads());
        inputs.put("newAgentThreads", sized.to());
        String detail = sized.outcome().equals("keep") ? "agent threads kept at " + sized.to() + ": " + sized.reason()
                : "agent threads " + sized.from() + " -> " + sized.to() + ": " + sized.reason();
        return Decision.of(now, DecisionKind.POOL_SIZE, "agent-threads", sized.outcome(), inputs, detail);
    }

    private Decision trimCaches(Instant now) {
        // A look at the heap the tick takes anyway; it also lets an idle server, where no GC runs, leave pressure.
        heap.recheck();
        double ratio = heap.highestRatio();
        CacheTrimming.Outcome outcome = CacheTrimming.decide(new CacheTrimming.Inputs(pressure.underPressure(), ratio,
                pressure.marks().high()));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("underPressure", pressure.underPressure());
        inputs.put("heapRatio", Math.round(ratio * 10_000) / 10_000.0);
        inputs.put("high", pressure.marks().high());
        if (!outcome.trim()) {
            return Decision.of(now, DecisionKind.CACHE_TRIM, "caches", "kept", inputs, "caches kept: " + outcome.reason());
        }
        Map<String, Object> dropped = new LinkedHashMap<>();
        caches.trimAll().forEach(t -> dropped.put(t.cache(), t.dropped()));
        inputs.put("trimmed", dropped);
        return Decision.of(now, DecisionKind.CACHE_TRIM, "caches", "trimmed", inputs,
                dropped.size() + " cache(s) trimmed: " + outcome.reason());
    }

    private List<Decision> evaluateSlos(Instant now) {
        SloSamples window = samples.between(windowStartedAt, now);
        List<Decision> verdicts = new ArrayList<>();
        for (SloCheck.Verdict verdict : SloCheck.evaluate(window, properties.slo())) {
            if ("fail".equals(verdict.outcome())) {
                log.warn("SLO missed: {}", verdict.detail());
            }
            Map<String, Object> inputs = verdict.inputs(window.sampled());
            inputs.put("windowStart", windowStartedAt.toString());
            verdicts.add(Decision.of(now, DecisionKind.SLO, verdict.slo(), verdict.outcome(), inputs, verdict.detail()));
        }
        return verdicts;
    }
}
