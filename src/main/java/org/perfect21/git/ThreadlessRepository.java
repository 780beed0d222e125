package org.perfect21.git;

import java.io.IOException;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;

/**
 * A file repository that closes without {@code RepositoryCache}. JGit's {@code Repository.close()} asks
 * {@code RepositoryCache} whether the repository is cached; the first use of that class schedules its expiry task on
 * JGit's {@code WorkQueue}, a thread pool outside the platform's one executor that lives as long as the JVM. A snapshot
 * opens and closes its repository itself, so it needs none of the cache's use counting.
 */
public final class ThreadlessRepository extends FileRepository {

    private boolean closed;

    /** Opens the repository the builder was {@link BaseRepositoryBuilder#setup() set up} for. */
    public ThreadlessRepository(BaseRepositoryBuilder<?, ?> options) throws IOException {
        super(options);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            doClose();
        }
    }
}
