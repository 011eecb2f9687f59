package dev.stowage.repository.maintenance;

/**
 * The points between a full maintenance's steps, in order. A listener sees each as it is reached, so a
 * test can run a backup at exactly that point, and a job can report progress.
 */
public enum MaintenancePhase {
    /** the index read, packs listed, snapshots marked; nothing written yet */
    MARKED,
    /**
     * the entries to condemn stored in a CONDEMNING object; the normal index rewritten without them; old
     * normal index objects deleted
     */
    INDEX_REWRITTEN,
    /** the CONDEMNED index object stored */
    CONDEMNED,
    /** live blobs of mostly-garbage packs written again */
    REPACKED,
    /** the CONDEMNING object, spent CONDEMNED objects, then packs deleted */
    SWEPT
}
