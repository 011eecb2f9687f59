package dev.stowage.perf.vsrestic;

/** The benchmark's phase names, as they appear in the table and the JSON lines. */
final class Phases {
    static final String INIT = "init";
    static final String FIRST = "first-backup";
    static final String MUTATE = "mutate";
    static final String INCREMENTAL = "incremental";
    static final String NO_CHANGE = "no-change";
    static final String RESTORE = "restore";
    static final String SMALL_FIRST = "small-first";
    static final String SMALL_NO_CHANGE = "small-no-change";

    private Phases() {
    }
}
