package dev.stowage.jobs.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The log of one named run ({@code backup first}), appended across its restarts: what {@code stowage
 * backup logs} shows. Lines go to a local file as they happen (so a killed run keeps them) and the whole
 * log is copied into the repository when the run ends.
 */
public final class RunLog {

    private final Path file;
    private final Clock clock;

    RunLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public void info(String message) {
        append("INFO ", message);
    }

    public void warn(String message) {
        append("WARN ", message);
    }

    public void error(String message) {
        append("ERROR", message);
    }

    public Path file() {
        return file;
    }

    /** Everything logged so far, or an empty string when nothing was. */
    public String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read run log " + file, e);
        }
    }

    private synchronized void append(String level, String message) {
        String line = clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log is a convenience: losing a line must never fail the backup it describes.
            System.err.println("stowage: unable to append to run log " + file + ": " + e.getMessage());
        }
    }
}
