package dev.stowage.jobs.location;

import dev.stowage.jobs.manifest.ManifestStore;
import dev.stowage.repository.Repository;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.metering.OperationCounts;
import java.nio.file.Path;

/**
 * An open repository and the location store it works through.
 *
 * @param created  the repository was initialised by this open
 * @param password where its password came from (the value itself is wiped after opening)
 */
public record OpenedRepository(Location location, Repository repository, LocationStore store, boolean created,
        PasswordResolver.ResolvedPassword password) implements AutoCloseable {

    public ManifestStore manifests() {
        return new ManifestStore(repository.documents());
    }

    /** Requests sent to the location since it was opened. */
    public OperationCounts operations() {
        return store.counts();
    }

    /** The file a new password was generated into by this open, or null. */
    public Path generatedPasswordFile() {
        return password.generated() ? password.file() : null;
    }

    @Override
    public void close() {
        try {
            repository.close();
        } finally {
            store.close();
        }
    }
}
