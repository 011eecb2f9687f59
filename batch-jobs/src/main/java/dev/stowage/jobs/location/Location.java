package dev.stowage.jobs.location;

/**
 * A named storage location as configured.
 *
 * @param embeddedDefault the {@code local} location under {@code $STOWAGE_HOME/repository}: the only one
 *                        for which a password is generated when none is given
 */
public record Location(String name, LocationProperties settings, boolean embeddedDefault) {

    /** Where the location is, for messages ("/home/me/.stowage/repository"). */
    public String describe() {
        return settings.path() == null ? name : settings.path().toString();
    }
}
