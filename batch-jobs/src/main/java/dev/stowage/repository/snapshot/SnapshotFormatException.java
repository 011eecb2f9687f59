package dev.stowage.repository.snapshot;

/** A tree blob or snapshot manifest that authenticated but does not decode: a writer bug or a newer format. */
public class SnapshotFormatException extends RuntimeException {
    public SnapshotFormatException(String message) {
        super(message);
    }
}
