package dev.stowage.jobs.schedule;

import dev.stowage.jobs.backup.BackupJobConfiguration;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.RepositoryMissingException;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.status.JobRunView;
import dev.stowage.jobs.status.RunHistory;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last run of each schedule: from the backups' manifests in the repository (the record a fresh
 * workstation has too), and from the JobRepository for a run still going or one that died before its
 * manifest was written.
 */
final class LastRuns {

    /** Job executions looked at; a schedule's last run is among the newest. */
    private static final int RECENT = 500;

    private final OpenRepositories repositories;
    private final Supplier<RunHistory> history;
    private final Map<String, Object> byLocation = new HashMap<>();
    private List<JobRunView> runs;

    LastRuns(OpenRepositories repositories, Supplier<RunHistory> history) {
        this.repositories = repositories;
        this.history = history;
    }

    record LastRun(String backup, Instant start, String result) {
    }

    Optional<LastRun> of(String schedule, String location) {
        Object backups = byLocation.computeIfAbsent(location, this::read);
        if (backups instanceof String problem) {
            return Optional.of(new LastRun(null, null, "unknown (" + problem + ")"));
        }
        @SuppressWarnings("unchecked")
        Optional<BackupManifest> manifest = ((List<BackupManifest>) backups).stream()
                .filter(b -> b.schedule().map(schedule::equals).orElse(ScheduledBackupNames.of(schedule, b.name())))
                .max(Comparator.comparing(BackupManifest::startTimestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        Optional<JobRunView> run = runs().stream()
                .filter(r -> BackupJobConfiguration.JOB_NAME.equals(r.job()) && ScheduledBackupNames.of(schedule, r.name()))
                .filter(r -> r.start() != null)
                .max(Comparator.comparing(JobRunView::start));
        boolean runIsNewer = run.isPresent() && (manifest.isEmpty() || manifest.get().startTimestamp() == null
                || run.get().name().compareTo(manifest.get().name()) > 0);
        if (runIsNewer) {
            return Optional.of(new LastRun(run.get().name(), run.get().start(), status(run.get())));
        }
        return manifest.map(m -> new LastRun(m.name(), m.startTimestamp(), m.phase().label()));
    }

    private Object read(String location) {
        try {
            return repositories.get(location, false).manifests().backups();
        } catch (RepositoryMissingException e) {
            return List.of();
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        }
    }

    private List<JobRunView> runs() {
        if (runs == null) {
            try {
                runs = history.get().recent(RECENT);
            } catch (RuntimeException e) {
                runs = List.of(); // no JobRepository here: the manifests are the record
            }
        }
        return runs;
    }

    private static String status(JobRunView run) {
        return switch (run.status()) {
            case "STARTED", "STARTING" -> run.processGone() ? "Failed (process gone)" : "Running";
            case "COMPLETED" -> "Completed";
            case "FAILED", "ABANDONED", "STOPPED" -> "Failed";
            default -> run.status();
        };
    }
}
