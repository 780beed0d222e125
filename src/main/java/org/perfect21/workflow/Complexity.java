package org.perfect21.workflow;

import java.util.Locale;

/** How complex a task is, as an auto phase's rules judge its text; each level has its own count of agents. */
public enum Complexity {
    SIMPLE, STANDARD, COMPLEX;

    /** The name as workflows write it ({@code simple}, {@code standard}, {@code complex}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
