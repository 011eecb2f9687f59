package dev.stowage.jobs.location;

/** A command that reads a repository found none at the location. */
public class RepositoryMissingException extends RuntimeException {
    public RepositoryMissingException(String message) {
        super(message);
    }
}
