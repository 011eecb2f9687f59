package dev.stowage.launcher.cli;

import dev.stowage.jobs.manifest.Phase;

/** Exit status of {@code stowage}: 0 Completed, 1 Failed, 2 PartiallyFailed, 64 usage errors (sysexits EX_USAGE). */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int PARTIALLY_FAILED = 2;
    public static final int USAGE = 64;

    private ExitCodes() {
    }

    public static int of(Phase phase) {
        return switch (phase) {
            case COMPLETED -> OK;
            case PARTIALLY_FAILED -> PARTIALLY_FAILED;
            case FAILED, IN_PROGRESS -> FAILED;
        };
    }
}
