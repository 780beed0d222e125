package org.perfect21.testing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.perfect21.agent.AgentDefinition;
import org.perfect21.agent.AgentKind;
import org.perfect21.agent.AgentOutcome;
import org.perfect21.agent.AgentRunner;
import org.perfect21.agent.AgentSettings;
import org.perfect21.usage.Usage;

/**
 * A test agent kind ({@code kind: probe}) that records how it is called: invocations per agent,
 * the most attempts in flight at once, and whatever {@link #observer} reports while an attempt runs.
 * Agents named in {@link #failing} fail. Each attempt lasts {@code latency} (default 50ms) on a timer and reports
 * the usage its keys {@code inputTokens}, {@code outputTokens} and {@code costUsd} say (none by default), as a model
 * call would, failed or not.
 */
public class ProbeAgentKind implements AgentKind {

    public final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    public final Set<String> failing = ConcurrentHashMap.newKeySet();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    public final AtomicInteger maxObserved = new AtomicInteger();
    public volatile IntSupplier observer = () -> 0;

    public void reset() {
        invocations.clear();
        failing.clear();
        inFlight.set(0);
        maxInFlight.set(0);
        maxObserved.set(0);
        observer = () -> 0;
    }

    public int invocationsOf(String agent) {
        AtomicInteger count = invocations.get(agent);
        return count == null ? 0 : count.get();
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public AgentRunner prepare(AgentDefinition definition, AgentSettings settings) {
        var latency = settings.duration("latency");
        long millis = latency == null ? 50 : latency.toMillis();
        Double cost = settings.decimal("costUsd", 0, 1000);
        Usage usage = new Usage(settings.integer("inputTokens", 0, Long.MAX_VALUE), settings.integer("outputTokens", 0, Long.MAX_VALUE),
                null, null, cost == null ? null : BigDecimal.valueOf(cost));
        return call -> {
            invocations.computeIfAbsent(definition.name(), k -> new AtomicInteger()).incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            maxObserved.accumulateAndGet(observer.getAsInt(), Math::max);
            boolean fails = failing.contains(definition.name());
            return CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                return (fails ? AgentOutcome.failure("probe " + definition.name() + " told to fail")
                        : AgentOutcome.success(call.instruction())).withUsage(usage, usage.hasNoFigure() ? null : "probe-model");
            }, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, call.executor()));
        };
    }
}
