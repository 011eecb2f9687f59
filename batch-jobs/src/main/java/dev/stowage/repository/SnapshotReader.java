package dev.stowage.repository;

import java.util.List;
import java.util.function.Consumer;

/** Reads a snapshot's tree and file contents in memory, verifying every blob. */
public interface SnapshotReader {

    /** Entry names directly under a directory ({@code ""} for the root), sorted. */
    List<String> list(String directory);

    /** Every regular file's path, depth first in name order. */
    void walkFiles(Consumer<String> path);

    /** A regular file's whole content. */
    byte[] readFile(String path);
}
