package dev.stowage.perf.vsrestic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A backup tool as the benchmark drives it: the command lines of each phase. */
interface Tool {

    /** A command line and the environment it adds. */
    record Command(List<String> argv, Map<String, String> environment) {
    }

    /** Short name in the results: {@code stowage}, {@code restic}, {@code stowage-b2}. */
    String name();

    /** The command that creates an empty repository; null when the first backup creates it. */
    Command init(Workspace workspace);

    /** Backs up {@code source}; the tool picks the parent itself (its last snapshot of the same path). */
    Command backup(Workspace workspace, Path source, String backupName);

    /** Restores the last backup of the workspace into {@code target}. */
    Command restore(Workspace workspace, Path target);

    /** Where the restore put the tree that was backed up from {@code source}. */
    Path restoredTree(Path target, Path source);
}
