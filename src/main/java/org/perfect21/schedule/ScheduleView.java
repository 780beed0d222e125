package org.perfect21.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * A schedule as registered in Quartz.
 *
 * @param state            NORMAL, PAUSED, BLOCKED (firing now), ERROR or COMPLETE
 * @param previousFireTime when it last fired, or null
 * @param nextFireTime     when it fires next (null while paused or when it never fires again)
 */
public record ScheduleView(String workflow, String cron, String zone, String misfire, Map<String, Object> params, String state,
                           Instant previousFireTime, Instant nextFireTime) {
}
