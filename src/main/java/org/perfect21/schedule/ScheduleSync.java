package org.perfect21.schedule;

import org.perfect21.workflow.DefinitionCatalog;
import org.perfect21.workflow.DefinitionsLoaded;
import org.perfect21.workflow.InvalidDefinitionsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the server, brings the schedules in line with the definitions when it starts and whenever the
 * definitions are loaded again (the catalog reloads when a file under the jobs directory changed).
 * Command-line processes leave schedules alone.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScheduleSync {

    private static final Logger log = LoggerFactory.getLogger(ScheduleSync.class);

    private final DefinitionCatalog catalog;
    private final WorkflowSchedules schedules;

    ScheduleSync(DefinitionCatalog catalog, WorkflowSchedules schedules) {
        this.catalog = catalog;
        this.schedules = schedules;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            // Loading publishes DefinitionsLoaded, which syncs.
            catalog.current();
        } catch (InvalidDefinitionsException e) {
            log.error("Schedules left as they were: the definitions do not load: {}", e.getMessage());
        }
    }

    @EventListener
    void onLoaded(DefinitionsLoaded loaded) {
        schedules.sync(loaded.definitions());
    }
}
