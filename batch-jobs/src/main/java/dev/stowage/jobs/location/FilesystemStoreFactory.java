package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectStore;

/** Opens locations that are directories: the embedded default and any location with a {@code path}. */
public final class FilesystemStoreFactory implements LocationStoreFactory {

    @Override
    public ObjectStore open(Location location) {
        if (location.settings().path() == null) {
            throw new InvalidRequestException("location '" + location.name()
                    + "' has no path: set stowage.locations." + location.name() + ".path to a directory");
        }
        return new LocalFilesystemStore(location.name(), location.settings().path());
    }
}
