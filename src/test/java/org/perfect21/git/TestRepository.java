package org.perfect21.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A scratch repository built with JGit's API for tests and benchmarks. It is opened as a {@link ThreadlessRepository},
 * like snapshots open theirs, so that building it starts no JGit thread either; commits are one minute apart from a
 * fixed instant, so their order and times are known.
 */
public final class TestRepository implements AutoCloseable {

    public static final String AUTHOR = "Ada Lovelace";
    public static final String EMAIL = "ada@example.org";
    public static final Instant FIRST_COMMIT = Instant.parse("2026-01-01T09:00:00Z");

    private final Path dir;
    private final Repository repository;
    private final Git git;
    private Instant clock = FIRST_COMMIT;

    private TestRepository(Path dir, Repository repository) {
        this.dir = dir;
        this.repository = repository;
        this.git = Git.wrap(repository);
    }

    /** A new repository in {@code dir} whose HEAD is the unborn branch {@code main}. */
    public static TestRepository init(Path dir) {
        try {
            Files.createDirectories(dir);
            Repository repository = new ThreadlessRepository(new FileRepositoryBuilder()
                    .setWorkTree(dir.toFile()).setGitDir(dir.resolve(".git").toFile()).setup());
            repository.create();
            repository.updateRef(Constants.HEAD).link("refs/heads/main");
            return new TestRepository(dir, repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return repository;
    }

    public TestRepository write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepository writeBytes(String path, byte[] content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file from the work tree only. */
    public TestRepository delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepository add(String... paths) {
        return call(() -> {
            var add = git.add();
            for (String path : paths) {
                add.addFilepattern(path);
            }
            add.call();
        });
    }

    /** Stages the deletion of a tracked file, like {@code git rm}. */
    public TestRepository remove(String path) {
        return call(() -> git.rm().addFilepattern(path).call());
    }

    /** Stages everything (new, modified and deleted files) and commits it. */
    public RevCommit commitAll(String message) {
        add(".");
        call(() -> git.add().addFilepattern(".").setUpdate(true).call());
        return commit(message);
    }

    public RevCommit commit(String message) {
        PersonIdent ident = new PersonIdent(AUTHOR, EMAIL, clock, ZoneOffset.UTC);
        clock = clock.plusSeconds(60);
        try {
            return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(false).setNoVerify(true).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a branch at HEAD without checking it out. */
    public TestRepository branch(String name) {
        return call(() -> git.branchCreate().setName(name).call());
    }

    /** Points HEAD straight at a commit (detached HEAD); the work tree and index are left as they are. */
    public TestRepository detach(ObjectId commit) {
        try {
            RefUpdate update = repository.updateRef(Constants.HEAD, true);
            update.setNewObjectId(commit);
            update.forceUpdate();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    private interface GitCall {
        void run() throws GitAPIException;
    }

    private TestRepository call(GitCall call) {
        try {
            call.run();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
