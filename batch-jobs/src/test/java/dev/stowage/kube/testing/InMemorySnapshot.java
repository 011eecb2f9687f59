package dev.stowage.kube.testing;

import dev.stowage.repository.BackupResult;
import dev.stowage.repository.BackupStats;
import dev.stowage.repository.SnapshotBuilder;
import dev.stowage.repository.SnapshotReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A snapshot held in a map, for tests of the Kubernetes layer alone: the same contract as the
 * repository's builder and reader (relative {@code /}-separated paths, implied directories, sorted
 * listings), none of the storage. Tests of the whole path use the real repository.
 */
public final class InMemorySnapshot implements SnapshotBuilder, SnapshotReader {

    private final TreeMap<String, byte[]> files = new TreeMap<>();
    private boolean committed;

    @Override
    public void addFile(String path, byte[] content) {
        if (committed) {
            throw new IllegalStateException("snapshot already committed");
        }
        if (path.startsWith("/") || path.contains("..") || path.isEmpty()) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalArgumentException("file added twice: " + path);
        }
    }

    @Override
    public BackupResult commit() {
        committed = true;
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        return new BackupResult("in-memory", new BackupStats(files.size(), 0, 0, bytes, bytes, 0, 0, bytes), List.of());
    }

    @Override
    public void close() {
    }

    @Override
    public List<String> list(String directory) {
        String prefix = directory.isEmpty() ? "" : directory + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String path : files.tailMap(prefix).keySet()) {
            if (!path.startsWith(prefix)) {
                break;
            }
            String rest = path.substring(prefix.length());
            names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        if (names.isEmpty() && !directory.isEmpty()) {
            throw new IllegalArgumentException("no directory " + directory + " in the snapshot");
        }
        return new ArrayList<>(names);
    }

    @Override
    public void walkFiles(Consumer<String> path) {
        files.keySet().forEach(path);
    }

    @Override
    public byte[] readFile(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("no file " + path + " in the snapshot");
        }
        return content.clone();
    }

    /** Every file, for assertions. */
    public Map<String, byte[]> files() {
        return files;
    }
}
