package org.perfect21.git;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffAlgorithm.SupportedAlgorithm;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.perfect21.git.GitSnapshot.Commit;
import org.perfect21.git.GitSnapshot.DiffStat;
import org.perfect21.git.GitSnapshot.FileStat;

/**
 * The parts of a snapshot that depend only on commits: the last commits from HEAD and the diffstat from a base commit
 * to HEAD. Given the same ids they never change, which is what makes them cacheable.
 */
record CommitHistory(List<Commit> commits, DiffStat diffstat) {

    static final CommitHistory NONE = new CommitHistory(List.of(), null);

    /** Commit ids are abbreviated to at least this many hex digits, more when needed to stay unique (as git does). */
    private static final int SHORT_ID_LENGTH = 7;

    /** Reads the last {@code limit} commits from {@code head} (newest first) and, when {@code base} is not null, the diffstat. */
    static CommitHistory read(Repository repository, ObjectId head, ObjectId base, int limit) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit headCommit = walk.parseCommit(head);
            DiffStat diffstat = base == null ? null : diffstat(repository, reader, walk.parseCommit(base), headCommit);
            walk.reset();
            walk.markStart(headCommit);
            List<Commit> commits = new ArrayList<>(Math.min(limit, 64));
            for (RevCommit commit : walk) {
                commits.add(commit(reader, commit));
                if (commits.size() == limit) {
                    break;
                }
            }
            return new CommitHistory(commits, diffstat);
        }
    }

    static String shortId(ObjectReader reader, ObjectId id) throws IOException {
        return reader.abbreviate(id, SHORT_ID_LENGTH).name();
    }

    private static Commit commit(ObjectReader reader, RevCommit commit) throws IOException {
        PersonIdent author = commit.getAuthorIdent();
        return new Commit(commit.name(), shortId(reader, commit), author.getName(), author.getEmailAddress(),
                Instant.ofEpochSecond(commit.getCommitTime()), commit.getShortMessage());
    }

    /** Like {@code git diff --stat --no-renames base HEAD}: a tree-to-tree diff, line counts from the edit list. */
    private static DiffStat diffstat(Repository repository, ObjectReader reader, RevCommit base, RevCommit head) throws IOException {
        List<FileStat> files = new ArrayList<>();
        int insertions = 0;
        int deletions = 0;
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setReader(reader, repository.getConfig());
            // git's default algorithm is Myers; JGit's is histogram, which can count a few lines differently.
            formatter.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(repository.getConfig().getEnum(
                    ConfigConstants.CONFIG_DIFF_SECTION, null, ConfigConstants.CONFIG_KEY_ALGORITHM, SupportedAlgorithm.MYERS)));
            formatter.setDetectRenames(false);
            for (DiffEntry entry : formatter.scan(base.getTree(), head.getTree())) {
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
                FileHeader header = formatter.toFileHeader(entry);
                if (header.getPatchType() != FileHeader.PatchType.UNIFIED) {
                    files.add(new FileStat(path, 0, 0, true));
                    continue;
                }
                int added = 0;
                int deleted = 0;
                for (Edit edit : header.toEditList()) {
                    added += edit.getLengthB();
                    deleted += edit.getLengthA();
                }
                files.add(new FileStat(path, added, deleted, false));
                insertions += added;
                deletions += deleted;
            }
        }
        return new DiffStat(files, insertions, deletions);
    }
}
