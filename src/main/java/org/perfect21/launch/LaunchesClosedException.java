package org.perfect21.launch;

/** The application is shutting down and accepts no more launches. */
public class LaunchesClosedException extends RuntimeException {

    public LaunchesClosedException() {
        super("Perfect21 is shutting down and accepts no launches; retry against the restarted server");
    }
}
