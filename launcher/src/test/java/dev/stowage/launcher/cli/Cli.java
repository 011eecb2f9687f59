package dev.stowage.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code stowage} in-process, as a person would on a terminal-less shell, on one STOWAGE_HOME. */
final class Cli {

    private final Map<String, Object> properties = new HashMap<>();
    private Class<?>[] sources = {CheapRepositories.class};

    Cli(Path home) {
        properties.put("stowage.home", home.toString());
        properties.put("stowage.progress.interval", "100ms");
    }

    Cli with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    /** Configuration classes added to the application besides {@link CheapRepositories}. */
    Cli withSources(Class<?>... extra) {
        sources = java.util.stream.Stream.concat(java.util.stream.Stream.of(CheapRepositories.class),
                java.util.Arrays.stream(extra)).toArray(Class<?>[]::new);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new StowageCli(new PrintWriter(out, true), new PrintWriter(err, true), false, properties,
                sources).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    record Result(int status, String out, String err) {
    }
}
