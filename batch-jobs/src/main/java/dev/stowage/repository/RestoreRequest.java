package dev.stowage.repository;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * @param snapshotId  snapshot to restore
 * @param target      directory to restore into (created if missing); nothing is ever written outside it
 * @param includePath which snapshot paths ({@code a/b/c}, relative to the root) to restore; null for all
 * @param progress    receives progress every so often
 */
public record RestoreRequest(String snapshotId, Path target, Predicate<String> includePath,
        ProgressListener progress) {
    public RestoreRequest {
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public static RestoreRequest all(String snapshotId, Path target) {
        return new RestoreRequest(snapshotId, target, null, ProgressListener.NONE);
    }
}
