package org.perfect21.cli.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.perfect21.execution.AgentCompleted;
import org.perfect21.execution.AgentStarted;
import org.perfect21.execution.PhaseFinished;
import org.perfect21.execution.PhaseStarted;
import org.perfect21.execution.RunFinished;
import org.perfect21.execution.RunStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passes the engine's run events to the inboxes of live views open now. Called on engine threads: it only enqueues,
 * and with no view open (the server) it does nothing.
 */
@Component
class RunEventFeed {

    private final List<EventInbox> inboxes = new CopyOnWriteArrayList<>();

    EventInbox subscribe() {
        EventInbox inbox = new EventInbox();
        inboxes.add(inbox);
        return inbox;
    }

    void unsubscribe(EventInbox inbox) {
        inboxes.remove(inbox);
    }

    @EventListener
    void on(RunStarted event) {
        deliver(event);
    }

    @EventListener
    void on(PhaseStarted event) {
        deliver(event);
    }

    @EventListener
    void on(AgentStarted event) {
        deliver(event);
    }

    @EventListener
    void on(AgentCompleted event) {
        deliver(event);
    }

    @EventListener
    void on(PhaseFinished event) {
        deliver(event);
    }

    @EventListener
    void on(RunFinished event) {
        deliver(event);
    }

    private void deliver(Object event) {
        for (EventInbox inbox : inboxes) {
            inbox.offer(event);
        }
    }
}
