package dev.stowage.jobs;

/**
 * A request that cannot run as given: unknown location, missing path, a name already taken. The
 * message is one line that says what to do instead; the CLI exits with status 64 and nothing has
 * been written.
 */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
