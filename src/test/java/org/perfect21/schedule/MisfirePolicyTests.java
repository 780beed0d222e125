package org.perfect21.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfect21.workflow.ScheduleDefinition;
import org.quartz.spi.OperableTrigger;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each misfire policy does with a fire missed during downtime, applied by Quartz's own trigger
 * logic to our triggers (no scheduler, no waiting).
 */
class MisfirePolicyTests {

    private final WorkflowSchedules schedules = new WorkflowSchedules(null, JsonMapper.builder().build());

    @Test
    void fireOnceFiresAtOnceForAnyNumberOfMissedFires() {
        Date next = afterMissingAWeekOfDailyFires(ScheduleDefinition.Misfire.FIRE_ONCE);

        assertThat(next.toInstant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
    }

    @Test
    void skipWaitsForTheNextScheduledFire() {
        Date next = afterMissingAWeekOfDailyFires(ScheduleDefinition.Misfire.SKIP);

        assertThat(next.toInstant()).isAfter(Instant.now());
        assertThat(next.toInstant().atZone(ZoneId.of("UTC")).getHour()).isEqualTo(3);
    }

    /** A daily 03:00 UTC trigger whose next fire was a week ago, after Quartz applies its misfire policy. */
    private Date afterMissingAWeekOfDailyFires(ScheduleDefinition.Misfire misfire) {
        OperableTrigger trigger = (OperableTrigger) schedules.trigger("daily",
                new ScheduleDefinition("0 0 3 * * ?", ZoneId.of("UTC"), Map.of(), misfire));
        trigger.setStartTime(Date.from(Instant.now().minusSeconds(30 * 86_400L)));
        trigger.setNextFireTime(Date.from(Instant.now().minusSeconds(7 * 86_400L)));

        trigger.updateAfterMisfire(null);

        return trigger.getNextFireTime();
    }
}
