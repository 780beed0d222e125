package org.perfect21.execution.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the run events ({@code RunStarted}, {@code PhaseStarted}, {@code AgentStarted}, {@code AgentCompleted},
 * {@code PhaseFinished}, {@code RunFinished}) synchronously on the thread that made them happen. A listener
 * that throws is logged and does not fail the run: the run's record in the database is the truth, events only
 * tell of it.
 */
@Component
public class RunEvents {

    private static final Logger log = LoggerFactory.getLogger(RunEvents.class);

    private final ApplicationEventPublisher publisher;

    RunEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(Object event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("A listener of {} failed; the run goes on", event.getClass().getSimpleName(), e);
        }
    }
}
