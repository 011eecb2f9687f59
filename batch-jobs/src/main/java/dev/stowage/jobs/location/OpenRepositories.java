package dev.stowage.jobs.location;

import dev.stowage.store.metering.OperationCounts;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The repositories this process has open, one per location, so that the CLI's checks and the job
 * they lead to pay the password KDF once. Closed with the application context.
 *
 * <p>Operations are counted per location for the whole process; a run claims what happened since
 * the previous claim ({@link #claimOperations}), so with one run per process (the CLI, a CronJob pod)
 * a run's count includes opening the repository.
 */
public final class OpenRepositories implements AutoCloseable {

    private final RepositoryAccess access;
    private final ConcurrentMap<String, OpenedRepository> open = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, OperationCounts> claimed = new ConcurrentHashMap<>();

    public OpenRepositories(RepositoryAccess access) {
        this.access = access;
    }

    /** The open repository of a location, opening (or with {@code createIfMissing}, creating) it once. */
    public OpenedRepository get(String location, boolean createIfMissing) {
        return open.computeIfAbsent(location, name -> access.open(name, createIfMissing));
    }

    /**
     * The open repository of a location, creating it when it holds none, and whether this very call created
     * it: true for one caller only, for whom the repository certainly holds nothing yet.
     */
    public Opening getOrCreate(String location) {
        AtomicBoolean createdHere = new AtomicBoolean();
        OpenedRepository repository = open.computeIfAbsent(location, name -> {
            OpenedRepository opened = access.open(name, true);
            createdHere.set(opened.created());
            return opened;
        });
        return new Opening(repository, createdHere.get());
    }

    /** @param createdByThisCall the repository was created by the call that returned this */
    public record Opening(OpenedRepository repository, boolean createdByThisCall) {
    }

    /** The configured location of this name; {@link dev.stowage.jobs.InvalidRequestException} when there is none. */
    public Location location(String name) {
        return access.location(name);
    }

    /** Requests sent to the location since the last claim (since it was opened, for the first). */
    public synchronized OperationCounts claimOperations(String location) {
        OpenedRepository repository = open.get(location);
        if (repository == null) {
            return OperationCounts.EMPTY;
        }
        OperationCounts now = repository.operations();
        OperationCounts before = claimed.getOrDefault(location, OperationCounts.EMPTY);
        claimed.put(location, now);
        return now.minus(before);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (OpenedRepository repository : open.values()) {
            try {
                repository.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
