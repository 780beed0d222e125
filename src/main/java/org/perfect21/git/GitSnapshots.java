package org.perfect21.git;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.perfect21.cache.Trimmable;
import org.springframework.stereotype.Component;

/**
 * Takes {@link GitSnapshot}s in process with JGit: one open of the repository, then HEAD, status, log and diff.
 *
 * <p>The commit-only part (the last commits and the diffstat to the base) is cached by repository, HEAD id, branch,
 * base id and commit count: those ids pin it down. The status is read fresh every time: it depends on the work tree,
 * which an earlier phase may have edited, and a key that proves the work tree unchanged has to stat every tracked file
 * and directory, which is most of what reading the status costs (see the git section of ops/BENCHMARKS.md).
 *
 * <p>Repositories stay open between snapshots ({@code perfect21.git.open-repositories}, closed after 5 idle minutes):
 * reopening one re-reads its configuration and pack indexes, which was a third of an uncached snapshot. JGit notices
 * what changes underneath an open repository (refs, packs, configuration) and the index is read from disk each time.
 *
 * <p>No JGit thread pool is started: repositories are opened without {@code RepositoryCache} (see
 * {@link ThreadlessRepository}) and submodules are not opened.
 */
@Component
public class GitSnapshots implements Trimmable, AutoCloseable {

    private static final Duration IDLE_REPOSITORY = Duration.ofMinutes(5);

    private final int maxCommits;
    private final Cache<HistoryKey, CommitHistory> histories;
    /** By real git directory; the cache holds one use of each, given back when it drops the entry. */
    private final Cache<Path, ThreadlessRepository> repositories;

    public GitSnapshots(GitProperties properties) {
        this.maxCommits = properties.maxCommits();
        this.histories = Caffeine.newBuilder()
                .maximumSize(properties.snapshotCacheSize())
                // Evictions happen on the caller's thread, not on ForkJoinPool.commonPool().
                .executor(Runnable::run)
                .recordStats()
                .build();
        this.repositories = Caffeine.newBuilder()
                .maximumSize(properties.openRepositories())
                .expireAfterAccess(IDLE_REPOSITORY)
                .executor(Runnable::run)
                .removalListener((Path gitDir, ThreadlessRepository repository, RemovalCause cause) -> {
                    if (repository != null) {
                        repository.close();
                    }
                })
                .build();
        // JGit measures a file store's timestamp resolution once (unless ~/.config/jgit/config already has it), on the
        // common pool. In background mode the caller would go on after 100 ms with a 2 s fallback while the measurement
        // goes on; here the first snapshot waits for it. JGit records the result from a thread that ends 1 ms later.
        FS.FileStoreAttributes.setBackground(false);
    }

    /** What the cache of commit-only parts holds and how it served. */
    public record CacheStats(long hits, long loads, long size) {
    }

    /** How many repositories are open between snapshots. */
    public long openRepositories() {
        repositories.cleanUp();
        return repositories.estimatedSize();
    }

    /** Which commit-only part a snapshot needs; {@code gitDir} is a real path so that links and relative paths share entries. */
    private record HistoryKey(Path gitDir, String head, String branchRef, String base, int commits) {
    }

    /**
     * Takes a snapshot.
     *
     * @param repository the work tree root or any directory below it (found upward like git does), or a git directory
     * @param commits    how many of the last commits to list, 1 to {@code perfect21.git.max-commits}
     * @param baseRef    a revision the diffstat starts from ({@code main}, {@code origin/main}, {@code HEAD~3}, an id), or null
     * @throws NotARepositoryException when no repository is found at or above {@code repository}
     * @throws GitSnapshotException    when the base ref does not resolve to a commit, or the repository cannot be read
     */
    public GitSnapshot snapshot(Path repository, int commits, String baseRef) {
        if (commits < 1 || commits > maxCommits) {
            throw new IllegalArgumentException("commits must be 1.." + maxCommits + ", not " + commits);
        }
        Path path = repository.toAbsolutePath().normalize();
        File gitDir = findGitDir(path);
        try (ThreadlessRepository repo = lease(gitDir.toPath().toRealPath())) {
            return snapshot(repo, path, commits, baseRef);
        } catch (IOException | UncheckedIOException | GitAPIException e) {
            throw new GitSnapshotException("cannot read the git repository at '" + path + "': " + e.getMessage(), e);
        }
    }

    private GitSnapshot snapshot(Repository repo, Path path, int limit, String baseRef) throws IOException, GitAPIException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null) {
            throw new GitSnapshotException("'" + path + "' is a git repository without HEAD");
        }
        String branchRef = head.isSymbolic() ? head.getTarget().getName() : null;
        ObjectId headId = head.getObjectId();
        ObjectId baseId = baseRef == null ? null : resolveBase(repo, path, baseRef);
        CommitHistory history = headId == null ? CommitHistory.NONE : history(repo, headId, branchRef, baseId, limit);
        String shortHead = null;
        if (headId != null) {
            try (ObjectReader reader = repo.newObjectReader()) {
                shortHead = CommitHistory.shortId(reader, headId);
            }
        }
        Path root = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
        return new GitSnapshot(root, branchRef == null ? null : Repository.shortenRefName(branchRef),
                headId == null ? null : headId.name(), shortHead, PorcelainStatus.read(repo), history.commits(),
                baseRef, baseId == null ? null : baseId.name(), history.diffstat());
    }

    private CommitHistory history(Repository repo, ObjectId head, String branchRef, ObjectId base, int limit) throws IOException {
        HistoryKey key = new HistoryKey(repo.getDirectory().toPath(), head.name(), branchRef,
                base == null ? null : base.name(), limit);
        return histories.get(key, k -> {
            try {
                return CommitHistory.read(repo, head, base, limit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ObjectId resolveBase(Repository repo, Path path, String baseRef) {
        try {
            ObjectId id = repo.resolve(baseRef + "^{commit}");
            if (id == null) {
                throw new GitSnapshotException("unknown base ref '" + baseRef + "' in '" + path + "'");
            }
            return id;
        } catch (IOException | RevisionSyntaxException e) {
            throw new GitSnapshotException("base ref '" + baseRef + "' in '" + path + "' does not name a commit: " + e.getMessage(), e);
        }
    }

    /**
     * The git directory for {@code path}: its own {@code .git} (directory, or file as in linked work trees), else that of
     * the nearest parent that has one, else {@code path} itself when it is a git directory. GIT_DIR and
     * GIT_CEILING_DIRECTORIES are not read: the path alone decides.
     */
    private static File findGitDir(Path path) {
        if (!Files.exists(path)) {
            throw new NotARepositoryException("'" + path + "' is not a git repository (it does not exist)");
        }
        File gitDir = new FileRepositoryBuilder().findGitDir(path.toFile()).getGitDir();
        if (gitDir == null) {
            throw new NotARepositoryException("'" + path + "' is not a git repository (no .git directory found there or above)");
        }
        return gitDir;
    }

    /** One use of the open repository at {@code gitDir}, opening it when it is not open; give it back with close(). */
    private ThreadlessRepository lease(Path gitDir) throws IOException {
        ThreadlessRepository repository = repositories.get(gitDir, dir -> {
            try {
                return ThreadlessRepository.open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // Dropped from the cache and closed between get and retain: this snapshot opens its own.
        return repository.retain() ? repository : ThreadlessRepository.open(gitDir);
    }

    public CacheStats cacheStats() {
        com.github.benmanes.caffeine.cache.stats.CacheStats stats = histories.stats();
        return new CacheStats(stats.hitCount(), stats.loadCount(), histories.estimatedSize());
    }

    @Override
    public String name() {
        return "git-snapshots";
    }

    /** Drops the cached histories and closes the open repositories (those in use close when their snapshot ends). */
    @Override
    public long trim() {
        long size = histories.estimatedSize() + repositories.estimatedSize();
        histories.invalidateAll();
        repositories.invalidateAll();
        return size;
    }

    /** Closes the open repositories; called by Spring when the context closes. */
    @Override
    public void close() {
        repositories.invalidateAll();
    }
}
