package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.store.LocalFilesystemStore;

/** Opens locations that are directories: the embedded default and any location with a {@code path}. */
public final class FilesystemStoreFactory implements LocationStoreFactory {

    @Override
    public CountedStore open(Location location) {
        if (location.settings().path() == null) {
            throw new InvalidRequestException("location '" + location.name() + "' has no path, and this build "
                    + "opens directory locations only: set stowage.locations." + location.name() + ".path");
        }
        return CountedStore.countingVerbs(new LocalFilesystemStore(location.name(), location.settings().path()));
    }
}
