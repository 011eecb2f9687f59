package dev.stowage.jobs.metrics;

import static dev.stowage.jobs.metrics.RunOutcome.COMPLETED;
import static dev.stowage.jobs.metrics.RunOutcome.FAILED;
import static dev.stowage.jobs.metrics.RunOutcome.PARTIALLY_FAILED;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupResources;
import dev.stowage.jobs.manifest.BackupTotals;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.EstimatedCost;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.store.StoreException;
import dev.stowage.store.metering.CostClass;
import dev.stowage.store.metering.PriceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series one ended run pushes, by kind, and the grouping key of its push (chart/README.md, "Metrics").
 * Counters hold what this run adds; the pusher adds what the group held before.
 */
final class RunSamples {

    /** Job parameter of a backup started by a schedule (absent: a manual backup). */
    static final String SCHEDULE = RunParameters.SCHEDULE;
    /** Job parameter of a maintenance run: {@code quick} or {@code full}. */
    static final String MODE = "mode";
    // Written by the maintenance job: numbers of its last run, longs.
    static final String MAINTENANCE_BACKUPS_EXPIRED = ContextKeys.MAINTENANCE_BACKUPS_EXPIRED;
    static final String MAINTENANCE_BYTES_FREED = ContextKeys.MAINTENANCE_BYTES_FREED;

    private static final List<String> RESULTS = List.of(COMPLETED, PARTIALLY_FAILED, FAILED);
    private static final List<String> DRILL_RESULTS = List.of(COMPLETED, FAILED);

    private final PriceTable prices;

    RunSamples(PriceTable prices) {
        this.prices = prices;
    }

    /** What a run pushes and under which grouping key (without {@code job}, which the pusher adds). */
    record Push(Map<String, String> groupingKey, List<Sample> samples) {
    }

    /** The run's own group; empty for a job this does not know (no metrics are pushed for it). */
    Optional<Push> of(RunOutcome run) {
        return groupingKey(run).map(key -> {
            List<Sample> samples = new ArrayList<>();
            switch (run.kind()) {
                case "backup" -> backup(run, key.get(SCHEDULE), samples);
                case "restore" -> {
                    samples.add(Sample.of(Metric.RESTORE_TOTAL, 1, run.location(), run.result()));
                    samples.add(Sample.of(Metric.RESTORE_DURATION, run.durationSeconds(), run.location()));
                }
                case "maintenance" -> maintenance(run, key.get(MODE), samples);
                default -> drill(run, samples);
            }
            storage(run, samples);
            return new Push(key, samples);
        });
    }

    /**
     * The run's own group for a run that failed before its job started: only its result (the total and the
     * last result), so that the series of its last real run (duration, bytes) stay as they were.
     */
    Optional<Push> failedBeforeStart(RunOutcome run) {
        return groupingKey(run).map(key -> {
            List<Sample> samples = new ArrayList<>();
            switch (run.kind()) {
                case "backup" -> backupResult(run, key.get(SCHEDULE), samples);
                case "restore" -> samples.add(Sample.of(Metric.RESTORE_TOTAL, 1, run.location(), run.result()));
                case "maintenance" -> maintenanceResult(run, key.get(MODE), samples);
                default -> drillResult(run, samples);
            }
            return new Push(key, samples);
        });
    }

    /** What tells the runs of a kind apart (without {@code job}); empty for a job this does not know. */
    private static Optional<Map<String, String>> groupingKey(RunOutcome run) {
        return switch (run.kind()) {
            case "backup" -> Optional.of(Map.of("kind", "backup", SCHEDULE, run.parameter(SCHEDULE, "manual")));
            case "restore" -> Optional.of(Map.of("kind", "restore"));
            case "maintenance" -> Optional.of(Map.of("kind", "maintenance", "location", run.location(), MODE,
                    run.parameter(MODE, "quick")));
            case "drill" -> Optional.of(Map.of("kind", "drill", "location", run.location()));
            default -> Optional.empty();
        };
    }

    /**
     * The location's group: a run that got to its repository found the location available; one that failed
     * on the object store (unreachable, denied, missing bucket) found it unavailable. Empty when the run
     * says neither (it failed on something else before reaching the store).
     */
    Optional<Push> location(RunOutcome run, Instant now) {
        boolean reached = !run.unsuccessful();
        if (run.location().isEmpty() || !reached && !failedOnStore(run)) {
            return Optional.empty();
        }
        return Optional.of(new Push(Map.of("kind", "location", "location", run.location()), List.of(
                Sample.of(Metric.LOCATION_AVAILABLE, reached ? 1 : 0, run.location()),
                Sample.of(Metric.LOCATION_LAST_VALIDATION, now.getEpochSecond(), run.location()))));
    }

    private static boolean failedOnStore(RunOutcome run) {
        return run.failures().stream().anyMatch(RunSamples::storeFailure);
    }

    private static boolean storeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreException) {
                return true;
            }
        }
        return false;
    }

    private void backup(RunOutcome run, String schedule, List<Sample> samples) {
        String location = run.location();
        Optional<BackupManifest> manifest = Optional.ofNullable(run.context().getString(ContextKeys.MANIFEST, null))
                .map(json -> ManifestJson.read(json, BackupManifest.class, "manifest of the run"));
        backupResult(run, schedule, samples);
        if (run.completed()) {
            Instant end = manifest.map(BackupManifest::completionTimestamp).orElse(run.ended());
            samples.add(Sample.of(Metric.BACKUP_LAST_SUCCESS, end.toEpochMilli() / 1000.0, schedule, location));
        }
        samples.add(Sample.of(Metric.BACKUP_DURATION, run.durationSeconds(), schedule, location));
        Optional<BackupResources> resources = manifest.map(BackupManifest::resources);
        samples.add(Sample.of(Metric.BACKUP_ITEMS, resources.map(BackupResources::objects).orElse(0L), schedule,
                location));
        samples.add(Sample.of(Metric.BACKUP_ITEM_ERRORS, resources.map(r -> r.warnings().size()).orElse(0),
                schedule, location));
        List<BackupVolume> volumes = manifest.map(BackupManifest::volumes).orElse(List.of());
        for (String result : RESULTS) {
            long count = volumes.stream().filter(v -> result.equals(result(v.phase()))).count();
            samples.add(Sample.of(Metric.BACKUP_VOLUMES, count, schedule, location, result));
        }
        BackupTotals stats = manifest.map(BackupManifest::stats).orElse(BackupTotals.ZERO);
        samples.add(Sample.of(Metric.BACKUP_BYTES_READ, stats.bytesRead()
                + resources.map(BackupResources::bytes).orElse(0L), schedule, location));
        samples.add(Sample.of(Metric.BACKUP_BYTES_NEW, stats.bytesNew()
                + resources.map(BackupResources::bytesNew).orElse(0L), schedule, location));
        samples.add(Sample.of(Metric.BACKUP_BYTES_UPLOADED, stats.bytesUploaded()
                + resources.map(BackupResources::bytesUploaded).orElse(0L), schedule, location));
    }

    private static void backupResult(RunOutcome run, String schedule, List<Sample> samples) {
        samples.add(Sample.of(Metric.BACKUP_TOTAL, 1, schedule, run.location(), run.result()));
        for (String result : RESULTS) {
            samples.add(Sample.of(Metric.BACKUP_LAST_RESULT, result.equals(run.result()) ? 1 : 0, schedule,
                    run.location(), result));
        }
    }

    private static String result(Phase phase) {
        return switch (phase) {
            case COMPLETED -> COMPLETED;
            case PARTIALLY_FAILED -> PARTIALLY_FAILED;
            case FAILED, IN_PROGRESS -> FAILED;
        };
    }

    private static void maintenanceResult(RunOutcome run, String mode, List<Sample> samples) {
        String result = run.completed() ? COMPLETED : FAILED;
        samples.add(Sample.of(Metric.MAINTENANCE_TOTAL, 1, run.location(), mode, result));
        for (String each : DRILL_RESULTS) {
            samples.add(Sample.of(Metric.MAINTENANCE_LAST_RESULT, each.equals(result) ? 1 : 0, run.location(), mode,
                    each));
        }
    }

    private static void maintenance(RunOutcome run, String mode, List<Sample> samples) {
        String location = run.location();
        maintenanceResult(run, mode, samples);
        if (run.completed()) {
            samples.add(Sample.of(Metric.MAINTENANCE_LAST_SUCCESS, run.ended().toEpochMilli() / 1000.0, location,
                    mode));
        }
        samples.add(Sample.of(Metric.MAINTENANCE_DURATION, run.durationSeconds(), location, mode));
        samples.add(Sample.of(Metric.MAINTENANCE_BACKUPS_EXPIRED, run.contextLong(MAINTENANCE_BACKUPS_EXPIRED),
                location));
        samples.add(Sample.of(Metric.MAINTENANCE_BYTES_FREED, run.contextLong(MAINTENANCE_BYTES_FREED), location));
    }

    /** A drill that found a mismatch failed, whatever its job's status. */
    private static String drillResult(RunOutcome run, List<Sample> samples) {
        String result = run.completed() && run.contextLong(ContextKeys.DRILL_MISMATCHES) == 0 ? COMPLETED : FAILED;
        samples.add(Sample.of(Metric.DRILL_TOTAL, 1, run.location(), result));
        for (String each : DRILL_RESULTS) {
            samples.add(Sample.of(Metric.DRILL_LAST_RESULT, each.equals(result) ? 1 : 0, run.location(), each));
        }
        return result;
    }

    private static void drill(RunOutcome run, List<Sample> samples) {
        String location = run.location();
        String result = drillResult(run, samples);
        if (COMPLETED.equals(result)) {
            samples.add(Sample.of(Metric.DRILL_LAST_SUCCESS, run.ended().toEpochMilli() / 1000.0, location));
        }
        samples.add(Sample.of(Metric.DRILL_DURATION, run.durationSeconds(), location));
        samples.add(Sample.of(Metric.DRILL_BYTES_VERIFIED, run.contextLong(ContextKeys.DRILL_BYTES_VERIFIED),
                location));
        samples.add(Sample.of(Metric.DRILL_MISMATCHES, run.contextLong(ContextKeys.DRILL_MISMATCHES), location));
        if (run.context().containsKey(ContextKeys.DRILL_BACKUPS)) {
            samples.add(Sample.of(Metric.REPOSITORY_BACKUPS, run.contextLong(ContextKeys.DRILL_BACKUPS), location));
            samples.add(Sample.of(Metric.REPOSITORY_STORED_BYTES, run.contextLong(ContextKeys.DRILL_STORED_BYTES),
                    location));
        }
    }

    /** This execution's requests by class and their cost (each execution of a run pushes its own share). */
    private void storage(RunOutcome run, List<Sample> samples) {
        for (CostClass costClass : CostClass.values()) {
            samples.add(Sample.of(Metric.STORAGE_OPERATIONS, run.operations().count(costClass), run.location(),
                    costClass.name()));
        }
        EstimatedCost cost = EstimatedCost.of(run.operations(), prices);
        samples.add(Sample.of(Metric.STORAGE_COST, cost.dollarsWithoutFreeAllowance().doubleValue(), run.location()));
    }
}
