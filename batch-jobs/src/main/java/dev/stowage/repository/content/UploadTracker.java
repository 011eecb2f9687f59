package dev.stowage.repository.content;

import dev.stowage.repository.RepositoryException;

/** Counts a writer's uploads in flight so that checkpoint, finish and close can wait for them. */
final class UploadTracker {

    private int inFlight;

    synchronized void begin() {
        inFlight++;
    }

    synchronized void end() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    synchronized void awaitIdle() {
        try {
            while (inFlight > 0) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted while waiting for pack uploads to finish", e);
        }
    }
}
