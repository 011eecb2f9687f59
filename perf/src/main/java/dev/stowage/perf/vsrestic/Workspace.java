package dev.stowage.perf.vsrestic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * One tool's repository during the benchmark: its bucket on the S3 endpoint and the local state the
 * tool keeps between runs (restic's cache; Stowage's home with its JobRepository and cache), plus the
 * name of the last backup made in it. A copy ({@link #copy}) is a fresh repository in the same state,
 * so a phase can be repeated from the same starting point.
 */
final class Workspace {
    private final String bucket;
    private final Path state;
    private String lastBackup;
    private Path lastSource;

    Workspace(String bucket, Path state) {
        this.bucket = bucket;
        this.state = state;
    }

    String bucket() {
        return bucket;
    }

    /** The tool's local state directory (created). */
    Path state() {
        return state;
    }

    String lastBackup() {
        return lastBackup;
    }

    void lastBackup(String name) {
        this.lastBackup = name;
    }

    Path lastSource() {
        return lastSource;
    }

    void lastSource(Path source) {
        this.lastSource = source;
    }

    /**
     * Saves the bucket's objects (as hard links) and a copy of the local state under {@code directory},
     * for {@link #rewind}.
     */
    void save(S3Endpoint s3, Path directory) throws IOException {
        TreeFiles.delete(directory);
        s3.linkBucketTo(bucket, directory.resolve("bucket"));
        copyTree(state, directory.resolve("state"));
    }

    /**
     * Puts the bucket and the local state back as {@link #save} found them, under the same bucket name
     * and state directory: a cache keyed by the endpoint and bucket stays valid, as it would for a user
     * whose repository is where it was.
     */
    void rewind(S3Endpoint s3, Path directory, String backupName, Path source) throws IOException {
        s3.replaceBucket(bucket, directory.resolve("bucket"));
        TreeFiles.delete(state);
        copyTree(directory.resolve("state"), state);
        lastBackup = backupName;
        lastSource = source;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(from)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            Path target = to.resolve(from.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(target);
            } else {
                Files.copy(entry, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
