package org.perfect21.optimizer;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded decision of the optimizer or of memory pressure.
 *
 * @param id        database id; null before it is recorded
 * @param decidedAt when it was taken
 * @param kind      what it is about
 * @param subject   which thing: {@code agent-threads}, an SLO's name, {@code caches}, {@code heap}
 * @param outcome   what was decided: {@code grow}/{@code shrink}/{@code keep}, {@code pass}/{@code fail}/{@code no-data},
 *                  {@code trimmed}/{@code kept}, {@code entered}/{@code left}
 * @param inputs    the measured values and settings it was taken from
 * @param detail    one readable sentence
 */
public record Decision(Long id, Instant decidedAt, DecisionKind kind, String subject, String outcome,
                       Map<String, Object> inputs, String detail) {

    static Decision of(Instant decidedAt, DecisionKind kind, String subject, String outcome, Map<String, Object> inputs,
                       String detail) {
        return new Decision(null, decidedAt, kind, subject, outcome, inputs, detail);
    }
}
