package dev.stowage.launcher.cli;

import dev.stowage.launcher.view.OutputFormat;
import picocli.CommandLine.Option;

/** Options several commands share, as picocli mixins. */
final class Options {

    private Options() {
    }

    static final class Location {
        @Option(names = "--location", paramLabel = "NAME",
                description = "Storage location (default: stowage.default-location, `local`).")
        String name;
    }

    static final class Output {
        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
                description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
        OutputFormat format;
    }

    static final class Wait {
        @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Wait for the run to end and print its outcome (default); --no-wait runs it in the "
                        + "background and returns at once.")
        boolean wait;
    }
}
