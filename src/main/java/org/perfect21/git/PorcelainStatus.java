package org.perfect21.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.IndexDiff.StageState;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.submodule.SubmoduleWalk.IgnoreSubmoduleMode;

/** {@code git status --porcelain} (v1) lines, read with JGit. */
final class PorcelainStatus {

    private PorcelainStatus() {
    }

    /** The status lines of the work tree; none for a bare repository, which has no work tree. */
    static List<String> read(Repository repository) throws GitAPIException {
        if (repository.isBare()) {
            return List.of();
        }
        // Submodules are not looked into: that would open their repositories through RepositoryCache (see ThreadlessRepository).
        Status status = Git.wrap(repository).status().setIgnoreSubmodules(IgnoreSubmoduleMode.ALL).call();
        return lines(status);
    }

    static List<String> lines(Status status) {
        Map<String, char[]> tracked = new TreeMap<>();
        mark(tracked, status.getAdded(), 0, 'A');
        mark(tracked, status.getChanged(), 0, 'M');
        mark(tracked, status.getRemoved(), 0, 'D');
        mark(tracked, status.getModified(), 1, 'M');
        mark(tracked, status.getMissing(), 1, 'D');
        status.getConflictingStageState().forEach((path, state) -> tracked.put(path, conflict(state).toCharArray()));
        List<String> lines = new ArrayList<>();
        tracked.forEach((path, xy) -> lines.add(new String(xy) + " " + path));
        untracked(status.getUntracked(), status.getUntrackedFolders()).forEach(path -> lines.add("?? " + path));
        return lines;
    }

    private static void mark(Map<String, char[]> tracked, Set<String> paths, int column, char code) {
        for (String path : paths) {
            tracked.computeIfAbsent(path, p -> new char[] {' ', ' '})[column] = code;
        }
    }

    /** Untracked files, with a wholly untracked directory shown once as {@code dir/} as git does by default. */
    private static Set<String> untracked(Set<String> files, Set<String> folders) {
        Set<String> outermost = new TreeSet<>();
        for (String folder : folders) {
            if (folders.stream().noneMatch(other -> !other.equals(folder) && folder.startsWith(other + "/"))) {
                outermost.add(folder);
            }
        }
        Set<String> paths = new TreeSet<>();
        for (String file : files) {
            String folder = outermost.stream().filter(f -> file.startsWith(f + "/")).findFirst().orElse(null);
            paths.add(folder == null ? file : folder + "/");
        }
        return paths;
    }

    private static String conflict(StageState state) {
        return switch (state) {
            case BOTH_DELETED -> "DD";
            case ADDED_BY_US -> "AU";
            case DELETED_BY_THEM -> "UD";
            case ADDED_BY_THEM -> "UA";
            case DELETED_BY_US -> "DU";
            case BOTH_ADDED -> "AA";
            case BOTH_MODIFIED -> "UU";
        };
    }
}
