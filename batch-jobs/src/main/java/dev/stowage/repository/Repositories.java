package dev.stowage.repository;

import dev.stowage.store.ObjectStore;

/** Creates and opens repositories in an object store. */
public final class Repositories {

    private Repositories() {
    }

    /**
     * Creates a repository: a random master key wrapped under {@code password}, and the config.
     * Fails with {@link RepositoryException} when the store already holds one.
     */
    public static Repository init(ObjectStore store, char[] password, RepositoryOptions options) {
        throw new UnsupportedOperationException("engine not yet implemented");
    }

    /**
     * Opens a repository; {@link RepositoryNotFoundException} when there is none,
     * {@link WrongPasswordException} when no key opens with the password.
     */
    public static Repository open(ObjectStore store, char[] password, RepositoryOptions options) {
        throw new UnsupportedOperationException("engine not yet implemented");
    }

    /** Whether the store holds a repository (its config object exists). */
    public static boolean exists(ObjectStore store) {
        throw new UnsupportedOperationException("engine not yet implemented");
    }
}
