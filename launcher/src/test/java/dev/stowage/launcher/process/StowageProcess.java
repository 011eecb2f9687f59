package dev.stowage.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code stowage} command: the packaged jar in a JVM of its own, on one STOWAGE_HOME. */
final class StowageProcess {

    private static final Path JAR = Path.of("target", "stowage.jar");

    private final Path home;
    private final Path logs;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private int runs;

    StowageProcess(Path home, Path logs) {
        this.home = home;
        this.logs = logs;
    }

    /** Sets an environment variable of every later run; a null value removes it. */
    StowageProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts {@code stowage args...}; its stdout and stderr go to a file of their own. */
    Started start(String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn -pl launcher -am verify`");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path output = logs.resolve("run-" + (++runs) + ".txt");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("STOWAGE_HOME", home.toString());
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            return new Started(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code stowage args...} to its end. */
    Finished run(String... args) {
        return start(args).waitFor();
    }

    record Started(Process process, Path output) {
        Finished waitFor() {
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("stowage did not end within 10 minutes: " + output);
                }
                return new Finished(process.exitValue(), Files.readString(output));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** SIGKILL: no shutdown hook, no finally block, nothing written on the way out. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    record Finished(int status, String output) {
    }
}
