package dev.stowage.repository;

import dev.stowage.repository.content.ContentStore;
import dev.stowage.repository.content.ContentStores;
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
        EngineRepository repository = over(ContentStores.init(store, password, options), options);
        repository.startRecordingLatest();
        return repository;
    }

    /**
     * Opens a repository; {@link RepositoryNotFoundException} when there is none,
     * {@link WrongPasswordException} when no key opens with the password.
     */
    public static Repository open(ObjectStore store, char[] password, RepositoryOptions options) {
        return over(ContentStores.open(store, password, options), options);
    }

    /** Whether the store holds a repository (its config object exists). */
    public static boolean exists(ObjectStore store) {
        return ContentStores.exists(store);
    }

    private static EngineRepository over(ContentStore content, RepositoryOptions options) {
        try {
            return new EngineRepository(content, options);
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
    }
}
