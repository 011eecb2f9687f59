package dev.stowage.jobs.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Batch keeps a failure as the exit description: the whole stack trace. Users need its first
 * line, without the exception's class name.
 */
public final class FailureMessages {

    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[\\w$]+\\.)*[\\w$]*(?:Exception|Error): ");

    private FailureMessages() {
    }

    /** The message of a failure's exit description, or null when there is none. */
    public static String of(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return null;
        }
        String first = exitDescription.strip().lines().findFirst().orElse("");
        Matcher matcher = EXCEPTION_PREFIX.matcher(first);
        return matcher.find() ? first.substring(matcher.end()) : first;
    }

    /** The message of an exception, naming its type only when it carries no message. */
    public static String of(Throwable failure) {
        Throwable t = failure;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
