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

    /** A new bucket and state directory holding what this one holds, cache included. */
    Workspace copy(S3Endpoint s3, String bucketCopy, Path stateCopy) throws IOException {
        s3.copyBucket(bucket, bucketCopy);
        copyTree(state, stateCopy);
        Workspace copy = new Workspace(bucketCopy, stateCopy);
        copy.lastBackup = lastBackup;
        return copy;
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
