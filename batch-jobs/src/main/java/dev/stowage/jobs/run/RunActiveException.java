package dev.stowage.jobs.run;

/** A run with this name is being executed by a live (or unknown) process; starting it again would race. */
public class RunActiveException extends RuntimeException {
    public RunActiveException(String message) {
        super(message);
    }
}
