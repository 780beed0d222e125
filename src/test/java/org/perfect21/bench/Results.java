package org.perfect21.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything measured in one benchmark run, keyed by contender and workload. */
final class Results {

    final Map<String, List<RunSample>> runs = new LinkedHashMap<>();
    final Map<String, List<Throughput.Sample>> throughput = new LinkedHashMap<>();
    final Map<Integer, Long> heapAfterGc = new LinkedHashMap<>();
    final List<ApiBench.Sample> api = new ArrayList<>();
    final List<RetentionBench.PurgeSample> purges = new ArrayList<>();
    final List<RetentionBench.HeapSample> retentionHeap = new ArrayList<>();
    final List<ContextBench.Sample> context = new ArrayList<>();
    final List<CacheBench.Sample> cache = new ArrayList<>();
    final List<FanOutBench.Sample> fanOut = new ArrayList<>();
    long retentionMillis;
    /** The git snapshot section; null when it was not measured. */
    GitBench.Result git;
    /** The command line's start-up section; null when it was not measured. */
    StartupBench.Result startup;
    /** The admin reports section; null when it was not measured. */
    ReportBench.Result reports;
    /** The automatic selection section; null when it was not measured. */
    SelectionBench.Result selection;
    /** The Claude Code agents section; null when it was not measured. */
    ClaudeAgentBench.Result claude;
    /** The PostgreSQL throughput section; null when it was not measured. */
    PostgresBench.Result postgres;
    /** The http agents section (1,000 in flight); null when it was not measured. */
    HttpAgentBench.Result http;
    long startupMillis;
    long totalMillis;

    static String key(String contender, Workload workload) {
        return contender + "|" + workload.name();
    }

    static String key(String contender, Workload workload, int inFlight) {
        return contender + "|" + workload.name() + "|" + inFlight;
    }

    void add(String contender, Workload workload, RunSample sample) {
        runs.computeIfAbsent(key(contender, workload), k -> new ArrayList<>()).add(sample);
    }

    void add(String contender, Workload workload, int inFlight, Throughput.Sample sample) {
        throughput.computeIfAbsent(key(contender, workload, inFlight), k -> new ArrayList<>()).add(sample);
    }

    List<RunSample> runs(String contender, Workload workload) {
        return runs.getOrDefault(key(contender, workload), List.of());
    }

    List<Throughput.Sample> throughput(String contender, Workload workload, int inFlight) {
        return throughput.getOrDefault(key(contender, workload, inFlight), List.of());
    }

    double medianRunsPerSecond(String contender, Workload workload, int inFlight) {
        return Stats.median(throughput(contender, workload, inFlight), Throughput.Sample::runsPerSecond);
    }
}
