package dev.stowage.repository.maintenance;

/** What a maintenance run does. */
public enum MaintenanceMode {
    /** Index compaction only: cheap, safe to run often. */
    QUICK,
    /** Mark and sweep: condemn what no snapshot references, delete what was condemned long enough ago, repack, compact, abort stale uploads. */
    FULL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
