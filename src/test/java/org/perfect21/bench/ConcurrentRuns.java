package org.perfect21.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.perfect21.execution.WorkflowRunner;
import org.perfect21.history.AgentStatus;
import org.perfect21.history.RunDocument;
import org.perfect21.workflow.Definitions;

/**
 * Runs of one workflow launched at once through the engine, each by a bench thread of its own calling
 * {@link WorkflowRunner#execute} (which holds it until the run ends), measured from their run documents and from what
 * the {@link DelayedMessagesApi} saw of their agents' requests (matched by the tag in each prompt).
 */
final class ConcurrentRuns {

    private ConcurrentRuns() {
    }

    /** Launches {@code count} runs of the workflow at once, each on a bench thread of its own, and measures them. */
    static InFlightResult measure(WorkflowRunner runner, Definitions definitions, DelayedMessagesApi api, String label,
                                       String workflowName, int count, int agents) throws Exception {
        var workflow = definitions.workflow(workflowName).orElseThrow();
        ThreadPoolExecutor clients = runThreads(count);
        try {
            DelayedMessagesApi.Batch batch = api.expect(count * agents);
            List<CompletableFuture<Ended>> ends = new ArrayList<>();
            int before = LiveThreads.now();
            LiveThreads.resetPeak();
            long launched = System.nanoTime();
            Instant launchedAt = Instant.now();
            for (int i = 0; i < count; i++) {
                ends.add(CompletableFuture.supplyAsync(() -> new Ended(runner.execute(workflow, Map.of()).runId(), System.nanoTime()),
                        clients));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new));
            InFlightSnapshot snapshot = InFlightSnapshot.take(batch.whole(), all);
            all.get(5, TimeUnit.MINUTES);
            int peak = LiveThreads.peak();
            int harness = LiveThreads.harness();
            List<Ended> ended = ends.stream().map(CompletableFuture::join).toList();
            double wallMs = (ended.stream().mapToLong(Ended::nanos).max().orElseThrow() - launched) / 1e6;
            List<RunDocument> documents = ended.stream().map(Ended::runId).map(runner::document).toList();
            double lastStartMs = documents.stream().flatMap(d -> d.phases().stream()).flatMap(p -> p.agents().stream())
                    .map(RunDocument.Agent::startedAt).filter(Objects::nonNull).mapToDouble(t -> millis(launchedAt, t))
                    .max().orElse(Double.NaN);
            InFlightResult.Timeline timeline = InFlightResult.Timeline.of(launched, lastStartMs, batch, api.delay());
            StandInClock clock = new StandInClock(launched, launchedAt, batch.byTag());
            InFlightResult.RunSpans spans = spans(documents, ended, launchedAt, clock);
            return result(label, documents, count, agents, wallMs, before, peak, harness, snapshot, timeline, spans, clock);
        } finally {
            clients.shutdownNow();
        }
    }

    /** A run that returned, and when (System.nanoTime). */
    private record Ended(String runId, long nanos) {
    }

    /** Per run: the launch to its first attempt's start, its first to its last attempt's start, its last attempt's end to its return. */
    private static InFlightResult.RunSpans spans(List<RunDocument> documents, List<Ended> ended, Instant launchedAt, StandInClock clock) {
        double[] toFirst = new double[documents.size()];
        double[] starting = new double[documents.size()];
        double[] closing = new double[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            List<RunDocument.Agent> agents = documents.get(i).phases().stream().flatMap(p -> p.agents().stream())
                    .filter(a -> a.startedAt() != null && a.endedAt() != null).toList();
            Instant first = agents.stream().map(RunDocument.Agent::startedAt).min(Instant::compareTo).orElse(null);
            Instant last = agents.stream().map(RunDocument.Agent::startedAt).max(Instant::compareTo).orElse(null);
            Instant lastEnd = agents.stream().map(RunDocument.Agent::endedAt).max(Instant::compareTo).orElse(null);
            toFirst[i] = first == null ? Double.NaN : millis(launchedAt, first);
            starting[i] = first == null ? Double.NaN : millis(first, last);
            closing[i] = lastEnd == null ? Double.NaN : millis(lastEnd, clock.instant(ended.get(i).nanos()));
        }
        return new InFlightResult.RunSpans(toFirst, starting, closing);
    }

    /** One thread per run, started before the launch so that creating them is not counted in the wall time. */
    private static ThreadPoolExecutor runThreads(int count) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor clients = new ThreadPoolExecutor(count, count, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "bench-run-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        clients.prestartAllCoreThreads();
        return clients;
    }

    private static InFlightResult result(String label, List<RunDocument> documents, int runs, int perRun, double wallMs, int before,
                                         int peak, int harness, InFlightSnapshot snapshot, InFlightResult.Timeline timeline,
                                         InFlightResult.RunSpans spans, StandInClock clock) {
        List<Double> durations = new ArrayList<>();
        List<Double> sendLags = new ArrayList<>();
        List<Double> receiveLags = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        int succeeded = 0;
        int attempts = 0;
        double critical = 0;
        for (RunDocument run : documents) {
            double runCritical = 0;
            for (RunDocument.Phase phase : run.phases()) {
                double longest = 0;
                for (RunDocument.Agent agent : phase.agents()) {
                    attempts += agent.attempts();
                    if (agent.status() == AgentStatus.COMPLETED) {
                        succeeded++;
                    }
                    if (agent.error() != null) {
                        errors.merge(agent.error(), 1L, Long::sum);
                    }
                    if (agent.startedAt() != null && agent.endedAt() != null) {
                        double ms = millis(agent.startedAt(), agent.endedAt());
                        durations.add(ms);
                        DelayedMessagesApi.Batch.Request seen = clock.request(run.runId(), agent.agent());
                        sendLags.add(seen == null ? Double.NaN : millis(agent.startedAt(), clock.instant(seen.arrived)));
                        receiveLags.add(seen == null || seen.answered == 0 ? Double.NaN
                                : millis(clock.instant(seen.answered), agent.endedAt()));
                        longest = Math.max(longest, ms);
                    }
                }
                runCritical += longest;
            }
            critical = Math.max(critical, runCritical);
            if (run.error() != null) {
                errors.merge("run: " + run.error(), 1L, Long::sum);
            }
        }
        return new InFlightResult(label, runs, perRun, runs * perRun, succeeded, attempts, wallMs, critical,
                array(durations), array(sendLags), array(receiveLags), before, peak, harness, snapshot, timeline, spans, errors);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The stand-in's requests by run and agent, its System.nanoTime moments told as the run documents' instants. */
    private record StandInClock(long launchedNanos, Instant launchedAt, Map<String, DelayedMessagesApi.Batch.Request> byTag) {

        DelayedMessagesApi.Batch.Request request(String runId, String agent) {
            return byTag.get(tag(runId, agent));
        }

        Instant instant(long nanos) {
            return launchedAt.plusNanos(nanos - launchedNanos);
        }
    }

    /** What an agent's prompt carries for the stand-in: its run and name. */
    static String tag(String runId, String agent) {
        return runId + " " + agent;
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
