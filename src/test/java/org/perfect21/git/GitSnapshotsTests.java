package org.perfect21.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfect21.git.GitSnapshot.FileStat;
import org.perfect21.testing.Defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots of scratch repositories built with JGit: head, history, status, diffstat, caching and rendering. */
class GitSnapshotsTests {

    @TempDir
    Path dir;

    private final GitSnapshots snapshots = new GitSnapshots(Defaults.gitProperties());

    @AfterEach
    void closeRepositories() {
        snapshots.close();
    }

    /** The branch or detached head, the last commits newest first, and how many commits may be asked for. */
    @Nested
    class HeadAndHistory {

        @Test
        void aRepositoryWithCommitsOnABranchGivesItsBranchHeadAndCommitsNewestFirst() {
            RevCommit last;
            try (TestRepository repo = TestRepository.init(dir)) {
                repo.write("README.md", "hello\n").commitAll("First commit");
                repo.write("README.md", "hello\nworld\n").commitAll("Second commit\n\nwith a body");
                last = repo.write("src/a.txt", "a\n").commitAll("Third commit");
            }

            GitSnapshot snapshot = snapshots.snapshot(dir, 10, null);

            assertThat(snapshot.repository()).isEqualTo(dir);
            assertThat(snapshot.branch()).isEqualTo("main");
            assertThat(snapshot.detached()).isFalse();
            assertThat(snapshot.head()).isEqualTo(last.name());
            assertThat(snapshot.shortHead()).hasSize(7).isEqualTo(last.name().substring(0, 7));
            assertThat(snapshot.clean()).isTrue();
            assertThat(snapshot.status()).isEmpty();
            assertThat(snapshot.commits()).extracting(GitSnapshot.Commit::subject)
                    .containsExactly("Third commit", "Second commit", "First commit");
            GitSnapshot.Commit newest = snapshot.commits().get(0);
            assertThat(newest.id()).isEqualTo(last.name());
            assertThat(newest.shortId()).isEqualTo(snapshot.shortHead());
            assertThat(newest.authorName()).isEqualTo(TestRepository.AUTHOR);
            assertThat(newest.authorEmail()).isEqualTo(TestRepository.EMAIL);
            assertThat(newest.time()).isEqualTo(TestRepository.FIRST_COMMIT.plusSeconds(120));
            assertThat(snapshot.baseRef()).isNull();
            assertThat(snapshot.diffstat()).isNull();
        }

        @Test
        void theLastNCommitsComeNewestFirst() {
            try (TestRepository repo = TestRepository.init(dir)) {
                for (int i = 1; i <= 8; i++) {
                    repo.write("file.txt", "version " + i + "\n").commitAll("commit " + i);
                }
            }

            GitSnapshot snapshot = snapshots.snapshot(dir, 3, null);

            assertThat(snapshot.commits()).extracting(GitSnapshot.Commit::subject).containsExactly("commit 8", "commit 7", "commit 6");
            assertThat(snapshot.commits()).extracting(GitSnapshot.Commit::time).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }

        @Test
        void aDetachedHeadHasNoBranch() {
            RevCommit first;
            try (TestRepository repo = TestRepository.init(dir)) {
                first = repo.write("a.txt", "1\n").commitAll("first");
                repo.write("a.txt", "2\n").commitAll("second");
                repo.write("a.txt", "1\n").add("a.txt").detach(first);
            }

            GitSnapshot snapshot = snapshots.snapshot(dir, 10, null);

            assertThat(snapshot.branch()).isNull();
            assertThat(snapshot.detached()).isTrue();
            assertThat(snapshot.head()).isEqualTo(first.name());
            assertThat(snapshot.commits()).extracting(GitSnapshot.Commit::subject).containsExactly("first");
            assertThat(snapshot.toText()).startsWith("## HEAD (detached at " + first.name().substring(0, 7) + ")\n");
            assertThat(snapshot.toMap()).containsEntry("branch", null).containsEntry("detached", true);
        }

        @Test
        void anEmptyRepositoryHasABranchButNoHeadAndNoCommits() {
            try (TestRepository repo = TestRepository.init(dir)) {
                repo.write("draft.txt", "not yet\n");
            }

            GitSnapshot snapshot = snapshots.snapshot(dir, 10, null);

            assertThat(snapshot.empty()).isTrue();
            assertThat(snapshot.branch()).isEqualTo("main");
            assertThat(snapshot.head()).isNull();
            assertThat(snapshot.shortHead()).isNull();
            assertThat(snapshot.commits()).isEmpty();
            assertThat(snapshot.status()).containsExactly("?? draft.txt");
            assertThat(snapshot.toText()).startsWith("## No commits yet on main\n?? draft.txt\n");
            assertThat(snapshot.toMap()).containsEntry("empty", true).containsEntry("head", null);
        }

        @Test
        void aCommitCountOutOfRangeIsRefused() {
            assertThatThrownBy(() -> snapshots.snapshot(dir, 0, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("commits must be 1..1000, not 0");
            assertThatThrownBy(() -> new GitSnapshots(new GitProperties(256, 5, 16)).snapshot(dir, 6, null))
                    .hasMessage("commits must be 1..5, not 6");
        }
    }

    /** The work tree's status as git status --porcelain prints it. */
    @Nested
    class WorkTreeStatus {

        @Test
        void stagedModifiedUntrackedAndDeletedFilesGiveGitsPorcelainLines() {
            try (TestRepository repo = TestRepository.init(dir)) {
                repo.write("staged-modified.txt", "1\n").write("modified.txt", "1\n").write("both.txt", "1\n")
                        .write("deleted.txt", "1\n").write("removed.txt", "1\n").write("keep.txt", "1\n").commitAll("base");
                repo.write("staged-modified.txt", "2\n").add("staged-modified.txt");
                repo.write("modified.txt", "2\n");
                repo.write("both.txt", "2\n").add("both.txt").write("both.txt", "3\n");
                repo.delete("deleted.txt");
                repo.remove("removed.txt");
                repo.write("added.txt", "new\n").add("added.txt");
                repo.write("added-then-changed.txt", "new\n").add("added-then-changed.txt").write("added-then-changed.txt", "newer\n");
                repo.write("untracked.txt", "?\n");
                repo.write("newdir/one.txt", "1\n").write("newdir/deeper/two.txt", "2\n");
            }

            GitSnapshot snapshot = snapshots.snapshot(dir, 1, null);

            assertThat(snapshot.status()).containsExactly(
                    "AM added-then-changed.txt",
                    "A  added.txt",
                    "MM both.txt",
                    " D deleted.txt",
                    " M modified.txt",
                    "D  removed.txt",
                    "M  staged-modified.txt",
                    "?? newdir/",
                    "?? untracked.txt");
            assertThat(snapshot.clean()).isFalse();
        }
    }

    /** Lines added and deleted per file since a base ref, and base refs that do not resolve. */
    @Nested
    class DiffstatAgainstABase {

        @Test
        void theDiffstatAgainstABaseRefCountsLinesPerFile() {
            RevCommit base;
            try (TestRepository repo = TestRepository.init(dir)) {
                repo.write("changed.txt", "one\ntwo\nthree\n").write("gone.txt", "x\ny\n").write("same.txt", "same\n");
                base = repo.commitAll("base");
                repo.branch("base");
                repo.write("changed.txt", "one\nTWO\nthree\nfour\nfive\n").commitAll("change");
                repo.delete("gone.txt");
                repo.write("dir/new.txt", "a\nb\nc\n").writeBytes("image.bin", new byte[] {0, 1, 2, 3, 0, 5}).commitAll("add and delete");
            }

            GitSnapshot snapshot = snapshots.snapshot(dir, 10, "base");

            assertThat(snapshot.baseRef()).isEqualTo("base");
            assertThat(snapshot.baseId()).isEqualTo(base.name());
            assertThat(snapshot.diffstat().files()).containsExactly(
                    new FileStat("changed.txt", 3, 1, false),
                    new FileStat("dir/new.txt", 3, 0, false),
                    new FileStat("gone.txt", 0, 2, false),
                    new FileStat("image.bin", 0, 0, true));
            assertThat(snapshot.diffstat().filesChanged()).isEqualTo(4);
            assertThat(snapshot.diffstat().insertions()).isEqualTo(6);
            assertThat(snapshot.diffstat().deletions()).isEqualTo(3);
            assertThat(snapshots.snapshot(dir, 10, "HEAD~1").diffstat().files()).extracting(FileStat::path)
                    .containsExactly("dir/new.txt", "gone.txt", "image.bin");
            assertThat(snapshots.snapshot(dir, 10, base.name().substring(0, 10)).baseId()).isEqualTo(base.name());
        }

        @Test
        void anUnknownBaseRefIsAnErrorNamingIt() {
            try (TestRepository repo = TestRepository.init(dir)) {
                repo.write("a.txt", "1\n").commitAll("first");
            }

            assertThatThrownBy(() -> snapshots.snapshot(dir, 10, "no-such-branch")).isInstanceOf(GitSnapshotException.class)
                    .hasMessage("unknown base ref 'no-such-branch' in '" + dir + "'");
            assertThatThrownBy(() -> snapshots.snapshot(dir, 10, "main^^^")).isInstanceOf(GitSnapshotException.class)
                    .hasMessageContaining("'main^^^'");
        }
    }

    /** Which repository a path belongs to, if any. */
    @Nested
    class FindingTheRepository {

        @Test
        void aSubdirectoryOfTheWorkTreeFindsTheRepositoryAbove() throws Exception {
            RevCommit first;
            try (TestRepository repo = TestRepository.init(dir)) {
                first = repo.write("src/main/a.txt", "a\n").commitAll("first");
            }

            GitSnapshot snapshot = snapshots.snapshot(dir.resolve("src/main"), 10, null);

            assertThat(snapshot.repository()).isEqualTo(dir);
            assertThat(snapshot.head()).isEqualTo(first.name());
            assertThat(snapshots.snapshot(dir.resolve(".git"), 10, null).head()).isEqualTo(snapshot.head());
        }

        @Test
        void aPathOutsideAnyRepositoryIsNotARepository() throws Exception {
            Path plain = Files.createDirectories(dir.resolve("plain"));

            assertThatThrownBy(() -> snapshots.snapshot(plain, 10, null)).isInstanceOf(NotARepositoryException.class)
                    .hasMessage("'" + plain + "' is not a git repository (no .git directory found there or above)");
            assertThatThrownBy(() -> snapshots.snapshot(dir.resolve("missing"), 10, null)).isInstanceOf(NotARepositoryException.class)
                    .hasMessage("'" + dir.resolve("missing") + "' is not a git repository (it does not exist)");
        }
    }

    /** Histories cached by head, trimming, and no JGit thread left running. */
    @Nested
    class CachingAndResources {

        @Test
        void theHistoryIsCachedByHeadWhileStatusSeesEveryEdit() {
            try (TestRepository repo = TestRepository.init(dir)) {
                repo.write("a.txt", "1\n").commitAll("first");
                repo.branch("base");
                repo.write("a.txt", "2\n").commitAll("second");

                GitSnapshot first = snapshots.snapshot(dir, 5, "base");
                GitSnapshot second = snapshots.snapshot(dir, 5, "base");
                assertThat(snapshots.cacheStats()).isEqualTo(new GitSnapshots.CacheStats(1, 1, 1));
                assertThat(second).isEqualTo(first);

                repo.write("a.txt", "edited, not committed\n");
                GitSnapshot edited = snapshots.snapshot(dir, 5, "base");
                assertThat(edited.status()).containsExactly(" M a.txt");
                assertThat(snapshots.cacheStats().loads()).isEqualTo(1);

                repo.commitAll("third");
                GitSnapshot committed = snapshots.snapshot(dir, 5, "base");
                assertThat(committed.status()).isEmpty();
                assertThat(committed.commits()).extracting(GitSnapshot.Commit::subject).containsExactly("third", "second", "first");
                assertThat(committed.diffstat().insertions()).isEqualTo(1);
                assertThat(snapshots.cacheStats().loads()).isEqualTo(2);

                snapshots.snapshot(dir, 2, "base");
                snapshots.snapshot(dir, 2, null);
                assertThat(snapshots.cacheStats().loads()).as("another commit count or base is another entry").isEqualTo(4);
                assertThat(snapshots.openRepositories()).isEqualTo(1);
                assertThat(snapshots.trim()).as("4 histories and 1 open repository").isEqualTo(5);
                assertThat(snapshots.cacheStats().size()).isZero();
                assertThat(snapshots.openRepositories()).isZero();
                assertThat(snapshots.snapshot(dir, 5, "base")).isEqualTo(committed);
            }
        }

        @Test
        void snapshotsLeaveNoJGitThreadBehind() {
            try (TestRepository repo = TestRepository.init(dir)) {
                for (int i = 0; i < 5; i++) {
                    repo.write("f" + i + ".txt", "x\n").commitAll("commit " + i);
                }
                repo.branch("base");
                repo.write("f0.txt", "changed\n").commitAll("change");
                repo.write("f1.txt", "edited\n");
            }
            for (int i = 0; i < 20; i++) {
                snapshots.snapshot(dir, 5, i % 2 == 0 ? "base" : null);
            }

            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("JGit"));
        }
    }

    /** The snapshot as text for an instruction and as a map for JSON. */
    @Nested
    class Rendering {

        @Test
        void toTextAndToMapCarryTheSameFacts() {
            RevCommit first;
            RevCommit head;
            try (TestRepository repo = TestRepository.init(dir)) {
                first = repo.write("a.txt", "1\n").commitAll("first");
                repo.branch("base");
                head = repo.write("a.txt", "1\n2\n").commitAll("second");
                repo.write("b.txt", "?\n");
            }
            String shortHead = head.name().substring(0, 7);
            String shortFirst = first.name().substring(0, 7);

            GitSnapshot snapshot = snapshots.snapshot(dir, 10, "base");

            assertThat(snapshot.toText()).isEqualTo("""
                    ## main at %s
                    ?? b.txt

                    last 2 commits:
                    %s second
                    %s first

                    changes since base (%s):
                    a.txt | +1 -0
                    1 file changed, 1 insertions(+), 0 deletions(-)
                    """.formatted(shortHead, shortHead, shortFirst, shortFirst));
            Map<String, Object> map = snapshot.toMap();
            assertThat(map).containsEntry("branch", "main").containsEntry("head", head.name()).containsEntry("shortHead", shortHead)
                    .containsEntry("status", List.of("?? b.txt")).containsEntry("clean", false)
                    .containsEntry("base", Map.of("ref", "base", "id", first.name()));
            assertThat((List<?>) map.get("commits")).first().isEqualTo(Map.of("id", head.name(), "shortId", shortHead,
                    "authorName", TestRepository.AUTHOR, "authorEmail", TestRepository.EMAIL,
                    "time", TestRepository.FIRST_COMMIT.plusSeconds(60).toString(), "subject", "second"));
            assertThat(map.get("diffstat")).isEqualTo(Map.of("files", List.of(Map.of("path", "a.txt", "added", 1, "deleted", 0,
                    "binary", false)), "filesChanged", 1, "insertions", 1, "deletions", 0));
        }
    }
}
