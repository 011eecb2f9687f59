package dev.stowage.perf.vsrestic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures come from, and how busy it is. */
final class Machine {

    private Machine() {
    }

    /** The 1-minute load average, or NaN where /proc is not there. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static void describe(BenchmarkOptions options, PrintStream out) {
        out.printf("%nmachine: %d cores, %s, JDK %s (%s); restic: %s%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                options.restic().orElse("not on the PATH, skipped"));
        out.printf("stowage: %s%n", options.stowage());
        out.printf("scale %s, %d runs per cheap phase, %d first-backup runs, Stowage JAVA_OPTS \"%s\", work %s,"
                + " load now %.2f%n", options.scale(), options.runs(), options.firstRuns(), options.javaOptions(),
                options.work(), loadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
