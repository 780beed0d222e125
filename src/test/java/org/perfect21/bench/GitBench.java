package org.perfect21.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.perfect21.git.GitProperties;
import org.perfect21.git.GitSnapshot;
import org.perfect21.git.GitSnapshots;
import org.perfect21.git.TestRepository;
import org.perfect21.testing.Defaults;

/**
 * In-process git snapshots against the {@code git} processes the prototype spawned for the same facts. A repository of
 * {@link #FILES} files in nested directories and {@link #COMMITS} commits (packed by {@code git gc}, then a few staged,
 * modified, deleted and untracked files), a branch {@link #BASE_BEHIND} commits back as the base; then, interleaved
 * and rotating who goes first: a snapshot by a fresh {@link GitSnapshots} (nothing cached, the repository opened), one
 * by a {@link GitSnapshots} that keeps the repository open but caches no history, one by a warm one (same HEAD: the
 * history part comes from the cache), four {@code git} processes, and a stat of every work tree file and directory
 * (what a key proving the work tree unchanged, for a status cache, would cost).
 */
final class GitBench {

    static final int FILES = 300;
    static final int COMMITS = 200;
    static final int BASE_BEHIND = 20;
    static final int LOG_COMMITS = 20;
    static final String[] CONTENDERS = {"snapshot, uncached", "snapshot, repository open, history not cached",
            "snapshot, cache warm", "4 git processes", "stat of the work tree"};
    static final int PROCESSES = 3;

    /** Medians in nanoseconds, by contender in {@link #CONTENDERS} order, and what the repository looked like. */
    record Result(int repetitions, double[] medianNanos, double[] p90Nanos, int statusLines, int diffFiles, String gitVersion,
                  String agreement) {

        double ratio(int slower, int faster) {
            return medianNanos[slower] / medianNanos[faster];
        }

        private static String verdict(double ratio) {
            return ratio >= 10 ? "**PASS**" : "**FAIL**";
        }

        /** The report's section. */
        List<String> report() {
            List<String> lines = new ArrayList<>();
            lines.add("## Git snapshot");
            lines.add("");
            lines.add("A scratch repository built with JGit: " + FILES + " files in nested directories, " + COMMITS
                    + " commits (packed with `git gc`), a base branch " + BASE_BEHIND + " commits back, then " + statusLines
                    + " status lines");
            lines.add("(staged, modified, deleted, untracked files); the diff to the base touches " + diffFiles + " files. Each"
                    + " contender gets the same facts: branch, HEAD, status, the last " + LOG_COMMITS + " commits, diffstat"
                    + " base..HEAD.");
            lines.add("Uncached: `GitSnapshots.snapshot` on a new `GitSnapshots` each time (JGit's own JVM-wide pack caches"
                    + " stay warm, as in a server).");
            lines.add("Repository open, history not cached: a `GitSnapshots` kept across snapshots with"
                    + " `snapshot-cache-size` 0, as after a new commit: status, commits and diffstat read each time.");
            lines.add("Cache warm: the same `GitSnapshots` at the same HEAD: the repository still open, commits and diffstat"
                    + " from the cache, status read fresh.");
            lines.add("Processes (" + gitVersion + "): `git status --porcelain`, `git log -n " + LOG_COMMITS
                    + " --format=…`, `git branch --show-current`, `git diff --stat base HEAD`, one after another,");
            lines.add("each started with `ProcessBuilder` (no shell), its output read and its exit waited for. Stat: every"
                    + " file and directory of the work tree (`Files.walk` + attributes), the least a key proving the"
                    + " work tree unchanged would cost.");
            lines.add("Medians of " + repetitions + " interleaved repetitions after warm-up. " + agreement);
            lines.add("");
            lines.add("| Contender | Median | p90 | Processes / snapshot |");
            lines.add("|---|---:|---:|---:|");
            for (int i = 0; i < CONTENDERS.length; i++) {
                lines.add(String.format("| %s | %.2f ms | %.2f ms | %.2f× |", CONTENDERS[i], medianNanos[i] / 1e6, p90Nanos[i] / 1e6,
                        i == PROCESSES ? 1.0 : ratio(PROCESSES, i)));
            }
            lines.add("");
            lines.add(String.format("Faster than the processes (target ≥ 10×): uncached **%.1f×** (%s), repository open **%.1f×** (%s),"
                            + " cache warm **%.1f×** (%s).", ratio(PROCESSES, 0), verdict(ratio(PROCESSES, 0)), ratio(PROCESSES, 1),
                    verdict(ratio(PROCESSES, 1)), ratio(PROCESSES, 2), verdict(ratio(PROCESSES, 2))));
            lines.add(String.format("The stat walk alone costs %.0f %% of a warm snapshot (whose commits and diffstat come from the cache):"
                    + " a status cache behind such a key would save little, so status is read fresh.", 100 * medianNanos[4] / medianNanos[2]));
            lines.add("");
            lines.add("This section alone: `" + GitBenchMain.COMMAND + "`");
            lines.add("");
            return lines;
        }
    }

    private GitBench() {
    }

    static Result measure(Path scratch, boolean quick) throws Exception {
        int warmups = quick ? 10 : 30;
        int repetitions = quick ? 30 : 150;
        Path dir = scratch.resolve("git-bench-repo");
        build(dir);
        GitSnapshots warm = new GitSnapshots(Defaults.gitProperties());
        GitProperties defaults = Defaults.gitProperties();
        GitSnapshots noHistoryCache = new GitSnapshots(new GitProperties(0, defaults.maxCommits(), defaults.openRepositories()));
        List<Supplier<Object>> contenders = List.of(
                () -> uncached(dir),
                () -> noHistoryCache.snapshot(dir, LOG_COMMITS, "base"),
                () -> warm.snapshot(dir, LOG_COMMITS, "base"),
                () -> processes(dir),
                () -> statWalk(dir));
        String agreement = agreement(warm.snapshot(dir, LOG_COMMITS, "base"), processes(dir));
        for (int i = 0; i < warmups; i++) {
            contenders.forEach(Supplier::get);
        }
        List<List<Long>> samples = new ArrayList<>();
        contenders.forEach(c -> samples.add(new ArrayList<>()));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        for (int rep = 0; rep < repetitions; rep++) {
            Collections.rotate(order, 1);
            for (int i : order) {
                long start = System.nanoTime();
                contenders.get(i).get();
                samples.get(i).add(System.nanoTime() - start);
            }
        }
        double[] medians = new double[contenders.size()];
        double[] p90s = new double[contenders.size()];
        for (int i = 0; i < contenders.size(); i++) {
            List<Long> sorted = samples.get(i).stream().sorted().toList();
            medians[i] = Stats.median(sorted, Long::doubleValue);
            p90s[i] = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
        }
        GitSnapshot snapshot = warm.snapshot(dir, LOG_COMMITS, "base");
        warm.close();
        noHistoryCache.close();
        return new Result(repetitions, medians, p90s, snapshot.status().size(), snapshot.diffstat().filesChanged(),
                run(dir, "git", "--version").strip(), agreement);
    }

    /** A snapshot by a new GitSnapshots: it opens the repository and reads everything. */
    private static GitSnapshot uncached(Path dir) {
        try (GitSnapshots snapshots = new GitSnapshots(Defaults.gitProperties())) {
            return snapshots.snapshot(dir, LOG_COMMITS, "base");
        }
    }

    /** The repository: every file created in the first commit, then commits that each change two files and sometimes add one. */
    static void build(Path dir) throws IOException {
        try (TestRepository repo = TestRepository.init(dir)) {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < FILES; i++) {
                String path = "src/module" + i % 6 + "/pkg" + i % 5 + "/sub" + i % 2 + "/File" + i + ".java";
                paths.add(path);
                repo.write(path, content(i, 0));
            }
            repo.commitAll("initial import");
            for (int c = 1; c < COMMITS; c++) {
                if (c == COMMITS - BASE_BEHIND) {
                    repo.branch("base");
                }
                String first = paths.get((c * 7) % FILES);
                String second = paths.get((c * 13 + 5) % FILES);
                repo.write(first, content((c * 7) % FILES, c)).write(second, content((c * 13 + 5) % FILES, c));
                repo.add(first, second);
                if (c % 10 == 0) {
                    String added = "docs/notes" + c + ".md";
                    repo.write(added, "# Notes " + c + "\n\nline\n".repeat(c % 7 + 1));
                    repo.add(added);
                }
                repo.commit("change " + c + ": " + first.substring(first.lastIndexOf('/') + 1));
            }
        }
        run(dir, "git", "gc", "--quiet");
        // The work tree's uncommitted state, made with git itself after the repack.
        Files.writeString(dir.resolve("src/module0/pkg0/sub0/File0.java"), content(0, 999));
        Files.writeString(dir.resolve("src/module1/pkg1/sub1/File1.java"), content(1, 999));
        Files.writeString(dir.resolve("src/module2/pkg2/sub0/File2.java"), content(2, 999));
        run(dir, "git", "add", "src/module2/pkg2/sub0/File2.java");
        Files.writeString(dir.resolve("src/module3/pkg3/sub1/New.java"), "class New {}\n");
        run(dir, "git", "add", "src/module3/pkg3/sub1/New.java");
        Files.delete(dir.resolve("src/module4/pkg4/sub0/File4.java"));
        Files.writeString(dir.resolve("scratch.txt"), "untracked\n");
        Files.createDirectories(dir.resolve("build/out"));
        Files.writeString(dir.resolve("build/out/a.class"), "untracked\n");
    }

    private static String content(int file, int version) {
        StringBuilder text = new StringBuilder("package bench;\n\n/** File " + file + ". */\nclass File" + file + " {\n");
        for (int line = 0; line < 30; line++) {
            text.append("    int field").append(line).append(" = ").append(line == version % 30 ? version : line).append(";\n");
        }
        return text.append("}\n").toString();
    }

    /** The facts from separate git processes, as the prototype gathered them. */
    static List<String> processes(Path dir) {
        return List.of(
                run(dir, "git", "status", "--porcelain"),
                run(dir, "git", "log", "-n", String.valueOf(LOG_COMMITS), "--format=%H%x1f%h%x1f%an%x1f%ae%x1f%ct%x1f%s"),
                run(dir, "git", "branch", "--show-current"),
                run(dir, "git", "diff", "--stat", "base", "HEAD"));
    }

    /** Stats every file and directory of the work tree, as a key proving it unchanged would have to. */
    static long statWalk(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.startsWith(dir.resolve(".git")))
                    .mapToLong(p -> attributes(p).lastModifiedTime().toMillis()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that both ways saw the same status, commits and totals; the bench refuses to compare different facts. */
    static String agreement(GitSnapshot snapshot, List<String> processes) {
        List<String> status = processes.get(0).lines().toList();
        List<String> log = processes.get(1).lines().map(l -> l.substring(0, l.indexOf('\u001f'))).toList();
        String branch = processes.get(2).strip();
        List<String> stat = processes.get(3).lines().toList();
        String totals = stat.get(stat.size() - 1).strip();
        String ours = snapshot.diffstat().filesChanged() + " files changed, " + snapshot.diffstat().insertions() + " insertions(+), "
                + snapshot.diffstat().deletions() + " deletions(-)";
        List<String> problems = new ArrayList<>();
        if (!status.equals(snapshot.status())) {
            problems.add("status " + snapshot.status() + " vs " + status);
        }
        if (!log.equals(snapshot.commits().stream().map(GitSnapshot.Commit::id).toList())) {
            problems.add("log differs");
        }
        if (!branch.equals(snapshot.branch())) {
            problems.add("branch " + snapshot.branch() + " vs " + branch);
        }
        if (!totals.equals(ours)) {
            problems.add("diffstat '" + ours + "' vs '" + totals + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the snapshot and git disagree: " + problems);
        }
        return "Both gave the same status lines, commit ids, branch and diffstat totals (checked before measuring).";
    }

    static String run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
