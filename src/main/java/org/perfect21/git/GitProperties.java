package org.perfect21.git;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Git snapshots.
 *
 * @param snapshotCacheSize how many commit-only parts of snapshots (commits, diffstat) are kept, least recently used
 *                          dropped first ({@code perfect21.git.snapshot-cache-size})
 * @param maxCommits        most commits one snapshot may list ({@code perfect21.git.max-commits})
 * @param openRepositories  how many repositories stay open between snapshots (their configuration, refs and pack
 *                          indexes loaded); one idle for 5 minutes is closed ({@code perfect21.git.open-repositories})
 */
@ConfigurationProperties("perfect21.git")
public record GitProperties(
        @DefaultValue("256") int snapshotCacheSize,
        @DefaultValue("1000") int maxCommits,
        @DefaultValue("16") int openRepositories) {

    public GitProperties {
        if (snapshotCacheSize < 0) {
            throw new IllegalArgumentException("perfect21.git.snapshot-cache-size must be 0 or more, not " + snapshotCacheSize);
        }
        if (openRepositories < 0) {
            throw new IllegalArgumentException("perfect21.git.open-repositories must be 0 or more, not " + openRepositories);
        }
        if (maxCommits < 1) {
            throw new IllegalArgumentException("perfect21.git.max-commits must be at least 1, not " + maxCommits);
        }
    }
}
