package dev.stowage.repository;

/** The location holds no repository (no config object); it must be initialised first. */
public class RepositoryNotFoundException extends RepositoryException {
    public RepositoryNotFoundException(String message) {
        super(message);
    }
}
