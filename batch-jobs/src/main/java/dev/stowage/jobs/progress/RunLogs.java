package dev.stowage.jobs.progress;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Run logs under {@code $STOWAGE_HOME/logs/<kind>/<name>.log}; one {@link RunLog} per file per process. */
public final class RunLogs {

    private final Path directory;
    private final Clock clock;
    private final ConcurrentMap<Path, RunLog> open = new ConcurrentHashMap<>();

    public RunLogs(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** @param kind {@code backup} or {@code restore} */
    public RunLog of(String kind, String name) {
        Path file = directory.resolve(kind).resolve(name + ".log");
        return open.computeIfAbsent(file, f -> new RunLog(f, clock));
    }
}
