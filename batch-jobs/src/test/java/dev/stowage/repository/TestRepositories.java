package dev.stowage.repository;

import dev.stowage.repository.testing.MemoryContentStore;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;
import java.nio.file.Path;

/** Repositories for engine tests. */
final class TestRepositories {

    private TestRepositories() {
    }

    static Repository create(ObjectStore store) {
        return new EngineRepository(new MemoryContentStore(store), in -> () -> {
            byte[] chunk = in.readNBytes(64 * 1024);
            return chunk.length == 0 ? null : chunk;
        }, RepositoryOptions.forTests());
    }

    static Repository create(Path directory) {
        return create(new LocalFilesystemStore("local", directory));
    }
}
