package org.perfect21.retention;

import java.util.Locale;

/** What started a purge, as recorded with it. */
public enum PurgeTrigger {
    SCHEDULE, API, CLI;

    /** The lower-case name stored in {@code P21_PURGE.TRIGGERED_BY} and shown in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
