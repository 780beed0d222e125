package org.perfect21.cli.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shows a run's progress on the command's own thread: a status block redrawn in place, or one line per event. */
interface ProgressView extends AutoCloseable {

    /**
     * Shows what the events (in order; possibly none, when a refresh it asked for is due) change.
     *
     * @return when the view wants to be called again without an event (a throttled redraw, elapsed times), if at all
     */
    Optional<Duration> show(List<Object> events, Instant now);

    /** Learns what happened before this process took the run up (a restart's kept agents), without showing it. */
    default void seed(List<Object> events) {
    }

    /** Takes the view off the screen (the run's table follows); prints nothing more. */
    @Override
    void close();
}
