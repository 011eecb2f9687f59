package dev.stowage.store.metering;

/**
 * Backblaze B2's transaction classes, which every S3 request falls into. Other providers bill
 * differently, but the split (writes, reads, listings) is what a run report needs everywhere.
 */
public enum CostClass {
    /** uploads, multipart steps and deletes: free on B2 */
    A,
    /** downloads and object metadata: GetObject, HeadObject */
    B,
    /** listings and bucket-level calls: the expensive class on B2 */
    C
}
