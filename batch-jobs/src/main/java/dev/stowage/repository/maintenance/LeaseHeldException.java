package dev.stowage.repository.maintenance;

import dev.stowage.repository.RepositoryException;
import java.time.Instant;

/** Another process holds the maintenance lease of the repository and it has not expired. */
public final class LeaseHeldException extends RepositoryException {

    private final String holder;
    private final Instant expires;

    LeaseHeldException(String repositoryId, String holder, Instant expires) {
        super("maintenance of repository " + repositoryId + " is running elsewhere: " + holder + " holds its lease"
                + " until " + expires + "; wait for that run to end, or, if that process died, run again after "
                + expires + " when its lease expires");
        this.holder = holder;
        this.expires = expires;
    }

    public String holder() {
        return holder;
    }

    public Instant expires() {
        return expires;
    }
}
