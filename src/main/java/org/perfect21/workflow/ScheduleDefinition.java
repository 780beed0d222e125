package org.perfect21.workflow;

import java.time.ZoneId;
import java.util.Map;

/**
 * When a workflow runs by itself: a Quartz cron expression (seconds field included) in a time zone,
 * with the launch parameters, and what to do about fires missed while the server was down.
 *
 * @param cron    Quartz cron expression, e.g. {@code 0 0 3 * * ?}
 * @param zone    the zone the expression is read in
 * @param params  launch parameters, as written (validated against the workflow's parameters at load)
 * @param misfire {@link Misfire#FIRE_ONCE} runs once for any number of missed fires; {@link Misfire#SKIP} waits for the next
 */
public record ScheduleDefinition(String cron, ZoneId zone, Map<String, Object> params, Misfire misfire) {

    /** What a fire missed during downtime does. */
    public enum Misfire {
        FIRE_ONCE("fire-once"), SKIP("skip");

        private final String text;

        Misfire(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Misfire parse(String text) {
            for (Misfire misfire : values()) {
                if (misfire.text.equals(text)) {
                    return misfire;
                }
            }
            return null;
        }
    }
}
