/**
 * In-process git repository snapshots (branch, HEAD, status, recent commits, diffstat against a base) read with JGit
 * in one pass, without starting {@code git} processes or JGit threads. The parts that depend only on commits are
 * cached (through the cache module's trimming seam).
 */
@ApplicationModule(displayName = "Git snapshots", allowedDependencies = {"cache"})
package org.perfect21.git;

import org.springframework.modulith.ApplicationModule;
