package dev.stowage.jobs.location;

import dev.stowage.jobs.StowageProperties;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.WrongPasswordException;
import java.util.Arrays;

/**
 * Opens the repository of a named location: its store wrapped for operation counting, its password
 * found by the {@link PasswordResolver}, and per-location options (pack size, uploads, cache).
 */
public final class RepositoryAccess {

    private static final int MIB = 1024 * 1024;

    private final Locations locations;
    private final LocationStoreFactory storeFactory;
    private final PasswordResolver passwords;
    private final RepositoryOptions baseOptions;
    private final StowageProperties properties;

    public RepositoryAccess(Locations locations, LocationStoreFactory storeFactory, PasswordResolver passwords,
            RepositoryOptions baseOptions, StowageProperties properties) {
        this.locations = locations;
        this.storeFactory = storeFactory;
        this.passwords = passwords;
        this.baseOptions = baseOptions;
        this.properties = properties;
    }

    /**
     * @param createIfMissing initialise a repository when the location holds none (backups do this;
     *                        reads fail with {@link RepositoryMissingException} instead)
     */
    public OpenedRepository open(String locationName, boolean createIfMissing) {
        Location location = locations.get(locationName);
        CountedStore store = storeFactory.open(location);
        try {
            boolean exists = Repositories.exists(store.store());
            if (!exists && !createIfMissing) {
                throw new RepositoryMissingException("no repository at location '" + location.name() + "' ("
                        + location.describe() + "): create a backup there first, or check the location's settings");
            }
            PasswordResolver.ResolvedPassword password = passwords.resolve(location, exists);
            try {
                Repository repository = exists ? Repositories.open(store.store(), password.value(), optionsFor(location))
                        : Repositories.init(store.store(), password.value(), optionsFor(location));
                return new OpenedRepository(location, repository, store, !exists, password);
            } catch (WrongPasswordException e) {
                throw new WrongPasswordException("wrong password for the repository at location '"
                        + location.name() + "' (tried the " + password.source()
                        + "): give the right one with --password-file FILE or STOWAGE_PASSWORD");
            } finally {
                Arrays.fill(password.value(), '\0');
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public Location location(String name) {
        return locations.get(name);
    }

    /** Whether the location holds a repository, without opening it. */
    public boolean exists(String locationName) {
        try (CountedStore store = storeFactory.open(locations.get(locationName))) {
            return Repositories.exists(store.store());
        }
    }

    RepositoryOptions optionsFor(Location location) {
        LocationProperties settings = location.settings();
        RepositoryOptions options = baseOptions;
        if (settings.packSizeMb() != null) {
            options = options.withPackTargetBytes(settings.packSizeMb() * MIB);
        }
        if (settings.maxParallelUploads() != null) {
            options = options.withMaxParallelUploads(settings.maxParallelUploads());
        }
        if (options.cacheDirectory() == null) {
            options = options.withCacheDirectory(settings.cacheDirectory() != null ? settings.cacheDirectory()
                    : properties.home().resolve("cache").resolve(location.name()));
        }
        return options;
    }
}
