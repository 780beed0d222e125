package org.perfect21.config;

import org.perfect21.Perfect21Application;

/**
 * Breaks the module rules on purpose: a feature that names the application class closes a cycle through the root
 * package (root -> cli -> workflow -> config -> root). {@code ModularityTests} feeds it to the check.
 */
final class ConfigNamingTheApplicationFixture {

    Class<?> application() {
        return Perfect21Application.class;
    }
}
