package org.perfect21.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A file repository that counts its uses itself and closes without {@code RepositoryCache}. JGit's
 * {@code Repository.close()} asks {@code RepositoryCache} whether the repository is cached; the first use of that class
 * schedules its expiry task on JGit's {@code WorkQueue}, a thread pool outside the platform's one executor that lives as
 * long as the JVM. The repository starts with one use; {@link #close()} gives one back and the last one closes it.
 */
public final class ThreadlessRepository extends FileRepository {

    private final AtomicInteger uses = new AtomicInteger(1);

    /** Opens the repository the builder was {@link BaseRepositoryBuilder#setup() set up} for. */
    public ThreadlessRepository(BaseRepositoryBuilder<?, ?> options) throws IOException {
        super(options);
    }

    /** Opens the existing repository whose git directory is {@code gitDir}. */
    static ThreadlessRepository open(Path gitDir) throws IOException {
        return new ThreadlessRepository(new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).setup());
    }

    /** Takes one more use; false when the last use was already given back (the repository is closed). */
    boolean retain() {
        for (int n = uses.get(); n > 0; n = uses.get()) {
            if (uses.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (uses.decrementAndGet() == 0) {
            doClose();
        }
    }
}
