package dev.stowage.jobs.location;

import dev.stowage.store.location.LocationSpec;

/**
 * A named storage location as configured.
 *
 * @param spec            the store layer's description of it
 * @param embeddedDefault the {@code local} location under {@code $STOWAGE_HOME/repository}: the only one
 *                        for which a password is generated when none is given
 */
public record Location(String name, LocationProperties settings, LocationSpec spec, boolean embeddedDefault) {

    /** Where the location is, for messages ("local (directory /home/me/.stowage/repository)"). */
    public String describe() {
        return spec.describe();
    }
}
