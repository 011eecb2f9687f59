package dev.stowage.repository;

import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;
import java.nio.file.Path;

/** Real repositories (the whole engine on a local store) with cheap KDF settings, for engine tests. */
final class TestRepositories {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    private TestRepositories() {
    }

    static Repository create(ObjectStore store) {
        return Repositories.init(store, PASSWORD, RepositoryOptions.forTests());
    }

    static Repository create(Path directory) {
        return create(new LocalFilesystemStore("local", directory));
    }

    static Repository open(ObjectStore store) {
        return Repositories.open(store, PASSWORD, RepositoryOptions.forTests());
    }
}
