package org.perfect21.git;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a repository looked like at one moment.
 *
 * @param repository the work tree root as a real path (the git directory for a bare repository)
 * @param branch     the current branch's short name (also when it has no commit yet), null when HEAD is detached
 * @param head       the full id of the commit HEAD points to, null in a repository without commits
 * @param shortHead  the abbreviated id of {@code head}, null with it
 * @param status     {@code git status --porcelain} (v1) lines: tracked changes sorted by path, then untracked ones;
 *                   a wholly untracked directory is one line ending in {@code /}; no rename detection
 * @param commits    the last commits reachable from HEAD, newest first
 * @param baseRef    the base ref as given, null when none was
 * @param baseId     the commit the base ref resolved to, null when none was given
 * @param diffstat   the changes from the base commit to HEAD, null without a base or without commits
 */
public record GitSnapshot(Path repository, String branch, String head, String shortHead, List<String> status,
                          List<Commit> commits, String baseRef, String baseId, DiffStat diffstat) {

    public GitSnapshot {
        status = List.copyOf(status);
        commits = List.copyOf(commits);
    }

    /**
     * One commit.
     *
     * @param time the committer's time
     * @param subject the first paragraph of the message on one line, as {@code git log --format=%s} prints it
     */
    public record Commit(String id, String shortId, String authorName, String authorEmail, Instant time, String subject) {
    }

    /** Lines added and deleted in one file; a binary file has no line counts. */
    public record FileStat(String path, int added, int deleted, boolean binary) {
    }

    /** The files changed between two commits, sorted by path, with their totals. */
    public record DiffStat(List<FileStat> files, int insertions, int deletions) {

        public DiffStat {
            files = List.copyOf(files);
        }

        public int filesChanged() {
            return files.size();
        }
    }

    /** Nothing staged, modified or untracked. */
    public boolean clean() {
        return status.isEmpty();
    }

    public boolean detached() {
        return branch == null;
    }

    /** No commit yet: HEAD names a branch that does not exist. */
    public boolean empty() {
        return head == null;
    }

    /** A compact text for people and language models: branch line, status lines, commits, diffstat. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        if (empty()) {
            out.append("## No commits yet on ").append(branch == null ? "HEAD" : branch).append('\n');
        } else if (detached()) {
            out.append("## HEAD (detached at ").append(shortHead).append(")\n");
        } else {
            out.append("## ").append(branch).append(" at ").append(shortHead).append('\n');
        }
        if (clean()) {
            out.append("(working tree clean)\n");
        }
        status.forEach(line -> out.append(line).append('\n'));
        if (!commits.isEmpty()) {
            out.append("\nlast ").append(commits.size()).append(commits.size() == 1 ? " commit:\n" : " commits:\n");
            commits.forEach(c -> out.append(c.shortId()).append(' ').append(c.subject()).append('\n'));
        }
        if (diffstat != null) {
            out.append("\nchanges since ").append(baseRef).append(" (").append(abbreviate(baseId)).append("):\n");
            for (FileStat file : diffstat.files()) {
                out.append(file.path()).append(" | ")
                        .append(file.binary() ? "binary" : "+" + file.added() + " -" + file.deleted()).append('\n');
            }
            out.append(diffstat.filesChanged()).append(diffstat.filesChanged() == 1 ? " file changed, " : " files changed, ")
                    .append(diffstat.insertions()).append(" insertions(+), ")
                    .append(diffstat.deletions()).append(" deletions(-)\n");
        }
        return out.toString();
    }

    /**
     * The snapshot as plain values (String, Number, Boolean, List, Map; absent values are null) for templates and JSON:
     * {@code repository, branch, detached, empty, head, shortHead, status, clean, commits, base, diffstat}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("repository", repository.toString());
        map.put("branch", branch);
        map.put("detached", detached());
        map.put("empty", empty());
        map.put("head", head);
        map.put("shortHead", shortHead);
        map.put("status", status);
        map.put("clean", clean());
        List<Map<String, Object>> commitMaps = new ArrayList<>();
        for (Commit c : commits) {
            Map<String, Object> commit = new LinkedHashMap<>();
            commit.put("id", c.id());
            commit.put("shortId", c.shortId());
            commit.put("authorName", c.authorName());
            commit.put("authorEmail", c.authorEmail());
            commit.put("time", c.time().toString());
            commit.put("subject", c.subject());
            commitMaps.add(commit);
        }
        map.put("commits", commitMaps);
        map.put("base", baseRef == null ? null : baseMap());
        map.put("diffstat", diffstat == null ? null : diffstatMap());
        return map;
    }

    private Map<String, Object> baseMap() {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("ref", baseRef);
        base.put("id", baseId);
        return base;
    }

    private Map<String, Object> diffstatMap() {
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileStat f : diffstat.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            file.put("added", f.added());
            file.put("deleted", f.deleted());
            file.put("binary", f.binary());
            files.add(file);
        }
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("files", files);
        stat.put("filesChanged", diffstat.filesChanged());
        stat.put("insertions", diffstat.insertions());
        stat.put("deletions", diffstat.deletions());
        return stat;
    }

    private static String abbreviate(String id) {
        return id == null || id.length() <= 7 ? id : id.substring(0, 7);
    }
}
