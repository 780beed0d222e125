package org.perfect21.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform keeps its state and finds its definitions.
 *
 * @param dataDir directory of the embedded H2 database and other local state ({@code PERFECT21_DATA_DIR})
 * @param jobsDir directory holding {@code agents/} and {@code workflows/} ({@code PERFECT21_JOBS_DIR})
 */
@ConfigurationProperties("perfect21")
public record Perfect21Properties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./jobs") Path jobsDir) {
}
