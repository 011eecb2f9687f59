package dev.stowage.repository;

/** Receives progress from long operations; called from worker threads, a few times a second at most. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = progress -> {
    };

    void onProgress(Progress progress);
}
