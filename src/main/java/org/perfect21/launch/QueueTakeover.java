package org.perfect21.launch;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the server is up, it takes over the queue an earlier process left: queued runs, and runs that
 * process did not finish. Command-line processes never do (they run their one workflow).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class QueueTakeover {

    private final RunLauncher launcher;

    QueueTakeover(RunLauncher launcher) {
        this.launcher = launcher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void takeOver() {
        launcher.takeOver();
    }
}
