package dev.stowage.repository;

/** Base of the engine's typed failures; the message says what to do next. */
public class RepositoryException extends RuntimeException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
