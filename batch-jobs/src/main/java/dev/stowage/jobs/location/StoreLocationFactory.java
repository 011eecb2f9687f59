package dev.stowage.jobs.location;

import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.ObjectStoreFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Opens locations through the store layer's {@link ObjectStoreFactory}: directories and S3 buckets
 * with retries, the upload bound, the profile's cache, and the request counter the manifest reports.
 */
public final class StoreLocationFactory implements LocationStoreFactory {

    private final ObjectStoreFactory factory;

    public StoreLocationFactory(ObjectStoreFactory factory) {
        this.factory = factory;
    }

    @Override
    public CountedStore open(Location location) {
        if (location.embeddedDefault()) {
            createEmbeddedDirectory(location);
        }
        LocationStore store = factory.open(location.spec());
        return new CountedStore(store, store::counts);
    }

    /** The embedded default lives under STOWAGE_HOME and is made on first use; other directories must exist. */
    private static void createEmbeddedDirectory(Location location) {
        try {
            Files.createDirectories(location.spec().path());
        } catch (IOException e) {
            throw new UncheckedIOException("unable to create the embedded repository directory "
                    + location.spec().path() + ": " + e.getMessage(), e);
        }
    }
}
