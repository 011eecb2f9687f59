package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryNotFoundException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.WrongPasswordException;
import dev.stowage.store.StoreException;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.ObjectStoreFactory;
import dev.stowage.store.location.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens the repository of a named location: its store stack from the {@link ObjectStoreFactory}
 * (counting, retries, upload limit, cache), its password from the {@link PasswordResolver}, and the
 * location's pack size, uploads in flight and cache directory passed on to the engine.
 *
 * <p>The password is found before the location is touched, so a location without one fails at once
 * with nothing sent. Opening sends one request on a machine that knows the repository (the config).
 */
public final class RepositoryAccess {

    private static final int MIB = 1024 * 1024;

    private final Locations locations;
    private final ObjectStoreFactory stores;
    private final PasswordResolver passwords;
    private final RepositoryOptions baseOptions;

    public RepositoryAccess(Locations locations, ObjectStoreFactory stores, PasswordResolver passwords,
            RepositoryOptions baseOptions) {
        this.locations = locations;
        this.stores = stores;
        this.passwords = passwords;
        this.baseOptions = baseOptions;
    }

    /**
     * @param createIfMissing initialise a repository when the location holds none (backups do this;
     *                        reads fail with {@link RepositoryMissingException} instead)
     */
    public OpenedRepository open(String locationName, boolean createIfMissing) {
        Location location = locations.get(locationName);
        LocationStore store = open(location);
        try {
            PasswordResolver.ResolvedPassword password = password(location, store, createIfMissing);
            try {
                return openOrCreate(location, store, password, createIfMissing);
            } finally {
                Arrays.fill(password.value(), '\0');
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private OpenedRepository openOrCreate(Location location, LocationStore store,
            PasswordResolver.ResolvedPassword password, boolean createIfMissing) {
        RepositoryOptions options = optionsFor(location.spec());
        try {
            return new OpenedRepository(location, Repositories.open(store, password.value(), options), store, false,
                    password);
        } catch (RepositoryNotFoundException e) {
            if (!createIfMissing) {
                throw missing(location);
            }
        } catch (WrongPasswordException e) {
            throw new WrongPasswordException("wrong password for the repository at location '" + location.name()
                    + "' (tried the " + password.source() + "): give the right one with --password-file FILE or "
                    + "STOWAGE_PASSWORD");
        } catch (StoreException e) {
            throw unusable(location, e);
        }
        Repository created = Repositories.init(store, password.value(), options);
        return new OpenedRepository(location, created, store, true, password);
    }

    /**
     * The location's password. A read of a location that holds no repository says so rather than asking
     * for a password it would not use; the existence check is made only then, so it costs nothing when
     * the password is there.
     */
    private PasswordResolver.ResolvedPassword password(Location location, LocationStore store,
            boolean createIfMissing) {
        try {
            return passwords.resolve(location, () -> Repositories.exists(store));
        } catch (InvalidRequestException e) {
            if (!createIfMissing && !Repositories.exists(store)) {
                throw missing(location);
            }
            throw e;
        }
    }

    private static RepositoryMissingException missing(Location location) {
        return new RepositoryMissingException("no repository at location '" + location.name() + "' ("
                + location.describe() + "): create a backup there first, or check the location's settings");
    }

    /** A location that cannot be read says which, what went wrong, and how to find out more. */
    private static StoreException unusable(Location location, StoreException e) {
        return new StoreException(e.operation(), e.key(), e.location(), e.reason(), e.detail()
                + "; run `stowage location validate " + location.name() + "` for a check of each setting", e);
    }

    private LocationStore open(Location location) {
        requireDirectory(location);
        return stores.open(location.spec());
    }

    /**
     * The embedded default lives under STOWAGE_HOME and is made on first use; any other directory must
     * exist, or a NAS share that is not mounted would send the backup to this machine's own disk.
     */
    private static void requireDirectory(Location location) {
        Path path = location.spec().path();
        if (location.spec().type() != LocationType.FILESYSTEM || Files.isDirectory(path)) {
            return;
        }
        if (!location.embeddedDefault()) {
            throw new InvalidRequestException("the directory " + path + " of location '" + location.name()
                    + "' does not exist: mount the volume it lives on, create it, or correct "
                    + location.spec().settingName("path"));
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to create the embedded repository directory " + path + ": "
                    + e.getMessage(), e);
        }
    }

    public Location location(String name) {
        return locations.get(name);
    }

    /**
     * The engine's options for a location: its cache directory, and its pack size and uploads in flight
     * where the location sets them or names a profile (else the engine's, which are the generic profile's).
     */
    RepositoryOptions optionsFor(LocationSpec spec) {
        RepositoryOptions options = baseOptions.withCacheDirectory(spec.withDefaults().cacheDirectory());
        Profile profile = spec.profile();
        Integer packSizeMb = spec.packSizeMb() != null ? spec.packSizeMb()
                : profile != null ? Integer.valueOf(profile.packSizeMb()) : null;
        Integer uploads = spec.maxParallelUploads() != null ? spec.maxParallelUploads()
                : profile != null ? Integer.valueOf(profile.maxParallelUploads()) : null;
        if (packSizeMb != null) {
            options = options.withPackTargetBytes(packSizeMb * MIB);
        }
        if (uploads != null) {
            options = options.withMaxParallelUploads(uploads);
        }
        return options;
    }
}
