package org.perfect21.workflow;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.quartz.CronExpression;

/** Reads a workflow's optional {@code schedule: {cron, zone, params, misfire}}. */
final class ScheduleReader {

    private static final Set<String> KEYS = Set.of("cron", "zone", "params", "misfire");

    private ScheduleReader() {
    }

    /** The schedule, or null when there is none or it has problems (reported). */
    static ScheduleDefinition read(Path file, YamlNode node, DefinitionProblems problems) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (!node.isMap()) {
            problems.add(file, node.line(), "schedule", "must be a mapping with cron, and optionally zone, params and misfire");
            return null;
        }
        int before = problems.count();
        Map<String, YamlNode> keys = node.map();
        YamlFields.unknownKeys(file, "schedule.", keys, KEYS, problems);
        String cron = YamlFields.scalar(file, "schedule.cron", keys.get("cron"), problems);
        if (cron == null) {
            problems.add(file, node.line(), "schedule.cron", "a schedule needs a cron expression (Quartz syntax with seconds, e.g. '0 0 3 * * ?')");
        } else {
            try {
                new CronExpression(cron);
            } catch (ParseException e) {
                problems.add(file, keys.get("cron").line(), "schedule.cron", "'" + cron + "' is not a Quartz cron expression: "
                        + e.getMessage() + " (fields: seconds minutes hours day-of-month month day-of-week [year], e.g. '0 0 3 * * ?')");
            }
        }
        ZoneId zone = ZoneId.systemDefault();
        String zoneText = YamlFields.scalar(file, "schedule.zone", keys.get("zone"), problems);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.add(file, keys.get("zone").line(), "schedule.zone", "'" + zoneText
                        + "' is not a time zone (examples: UTC, Europe/Paris, America/New_York)");
            }
        }
        ScheduleDefinition.Misfire misfire = ScheduleDefinition.Misfire.FIRE_ONCE;
        String misfireText = YamlFields.scalar(file, "schedule.misfire", keys.get("misfire"), problems);
        if (misfireText != null) {
            misfire = ScheduleDefinition.Misfire.parse(misfireText);
            if (misfire == null) {
                problems.add(file, keys.get("misfire").line(), "schedule.misfire", "'" + misfireText + "' is not fire-once or skip");
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        YamlNode paramsNode = keys.get("params");
        if (paramsNode != null && paramsNode.value() != null) {
            if (!paramsNode.isMap()) {
                problems.add(file, paramsNode.line(), "schedule.params", "must be a mapping of parameter values by name");
            } else {
                paramsNode.map().forEach((name, value) -> {
                    if (value.isMap() || value.isList()) {
                        problems.add(file, value.line(), "schedule.params." + name, "must be a single value");
                    } else {
                        params.put(name, value.value());
                    }
                });
            }
        }
        return problems.count() > before ? null : new ScheduleDefinition(cron, zone, java.util.Collections.unmodifiableMap(params), misfire);
    }
}
