package dev.stowage.jobs.maintenance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.repository.Documents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last maintenance runs of a repository, newest first, kept as the sealed document
 * {@code documents/maintenance/history} (at most {@value #KEPT} runs).
 */
public final class MaintenanceHistory {

    static final String COLLECTION = "maintenance";
    static final String NAME = "history";
    static final int KEPT = 20;

    private final Documents documents;

    public MaintenanceHistory(Documents documents) {
        this.documents = documents;
    }

    /** Runs recorded, newest first. */
    public List<MaintenanceRun> runs() {
        return documents.get(COLLECTION, NAME)
                .map(json -> ManifestJson.read(json, Stored.class, "the maintenance history").runs())
                .orElse(List.of());
    }

    public void record(MaintenanceRun run) {
        List<MaintenanceRun> runs = new ArrayList<>();
        runs.add(run);
        runs.addAll(runs());
        documents.put(COLLECTION, NAME, ManifestJson.write(new Stored(runs.subList(0, Math.min(KEPT, runs.size())))));
    }

    /** When the last full run finished. */
    public Optional<Instant> lastFull() {
        return runs().stream().filter(r -> "full".equals(r.mode())).map(MaintenanceRun::finished).findFirst();
    }

    /** Whether a quick run must become full: no full run yet, or the last is older than {@code interval}. */
    public boolean fullDue(Instant now, Duration interval) {
        return lastFull().map(last -> !last.plus(interval).isAfter(now)).orElse(true);
    }

    record Stored(List<MaintenanceRun> runs) {
        @JsonCreator
        Stored(@JsonProperty("runs") List<MaintenanceRun> runs) {
            this.runs = runs == null ? List.of() : List.copyOf(runs);
        }
    }
}
