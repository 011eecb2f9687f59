package dev.stowage.jobs.location;

import dev.stowage.store.location.LocationSpec;
import java.nio.file.Path;

/**
 * A named storage location as configured.
 *
 * @param spec            where it is and how it is used, as configured (unset fields null)
 * @param passwordFile    file holding its repository password, or null
 * @param embeddedDefault the {@code local} location under {@code $STOWAGE_HOME/repository}: the only one
 *                        for which a password is generated when none is given
 */
public record Location(String name, LocationSpec spec, Path passwordFile, boolean embeddedDefault) {

    /** Where the location is, for messages ("nas (directory /mnt/backups)", "b2 (bucket x at https://…)"). */
    public String describe() {
        return spec.describe();
    }

    /** The spec with every unset field taken from its profile, as the location is opened. */
    public LocationSpec resolved() {
        return spec.withDefaults();
    }
}
