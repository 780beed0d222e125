package org.perfect21.optimizer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the SLOs on one window's samples: agent p95 duration and run p95 duration must stay below
 * their targets, the run success rate at or above its target. A window without samples gives
 * {@code no-data}, neither pass nor fail. A pure function.
 */
final class SloCheck {

    static final String AGENT_P95 = "agent-p95-duration";
    static final String RUN_P95 = "run-p95-duration";
    static final String SUCCESS_RATE = "run-success-rate";

    private SloCheck() {
    }

    /**
     * One SLO's verdict.
     *
     * @param slo      its name
     * @param outcome  {@code pass}, {@code fail} or {@code no-data}
     * @param measured the measured value (ms, or a fraction for the success rate); null without data
     * @param target   the target, in the same unit
     * @param samples  how many values it was measured on
     */
    record Verdict(String slo, String outcome, Double measured, double target, long samples) {

        Map<String, Object> inputs(boolean sampled) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("measured", measured);
            inputs.put("target", target);
            inputs.put("samples", samples);
            if (sampled) {
                inputs.put("sampled", true);
            }
            return inputs;
        }

        String detail() {
            if (measured == null) {
                return slo + ": nothing ended in the window";
            }
            boolean rate = SUCCESS_RATE.equals(slo);
            String value = rate ? PoolSizing.percent(measured) : Math.round(measured) + " ms";
            String goal = rate ? "at least " + PoolSizing.percent(target) : "below " + Math.round(target) + " ms";
            return slo + " " + value + " over " + samples + (rate ? " runs" : " samples") + ", target " + goal + ": " + outcome;
        }
    }

    static List<Verdict> evaluate(SloSamples samples, OptimizerProperties.Slo targets) {
        return List.of(
                p95(AGENT_P95, samples.agentDurationsMs(), targets.agentP95()),
                p95(RUN_P95, samples.runDurationsMs(), targets.runP95()),
                successRate(samples.runsCompleted(), samples.runsFailed(), targets.successRate()));
    }

    private static Verdict p95(String slo, long[] durations, Duration target) {
        double goal = target.toMillis();
        if (durations.length == 0) {
            return new Verdict(slo, "no-data", null, goal, 0);
        }
        long p95 = Percentiles.of(durations.clone(), 95);
        return new Verdict(slo, p95 < goal ? "pass" : "fail", (double) p95, goal, durations.length);
    }

    private static Verdict successRate(long completed, long failed, double target) {
        long ended = completed + failed;
        if (ended == 0) {
            return new Verdict(SUCCESS_RATE, "no-data", null, target, 0);
        }
        double rate = (double) completed / ended;
        return new Verdict(SUCCESS_RATE, rate >= target ? "pass" : "fail", rate, target, ended);
    }
}
