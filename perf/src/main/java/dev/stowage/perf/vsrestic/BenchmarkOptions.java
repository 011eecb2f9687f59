package dev.stowage.perf.vsrestic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's command-line options.
 *
 * @param scale      multiplies the data set's sizes and counts (1.0: about 2.1 GB in 21,000 files)
 * @param work       where the tree, the S3 server's buckets, the tools' state and the restores go
 * @param runs       runs per cheap phase (init, incremental, no-change, restore), medians reported
 * @param firstRuns  runs of the first backup (each from an empty repository)
 * @param stowage    the {@code stowage} script (the repository's root one by default)
 * @param restic     the restic executable, empty when none is on the PATH
 * @param javaOptions JVM options Stowage runs with (the script's {@code JAVA_OPTS})
 * @param javaHome   the JDK Stowage runs on (the script's {@code JAVA_HOME}); empty: the harness's environment
 * @param b2         also run Stowage with the {@code b2} profile (backups only)
 * @param jfr        record a JFR profile of each Stowage command and summarise it
 * @param reuseTree  keep a tree generated earlier at the same scale
 * @param tools      the tools to run (stowage, restic, stowage-b2); all available ones by default
 */
record BenchmarkOptions(double scale, Path work, int runs, int firstRuns, Path stowage, Optional<String> restic,
        String javaOptions, Optional<String> javaHome, boolean b2, boolean jfr, boolean reuseTree, List<String> tools) {

    /** The environment that runs the {@code stowage} script on the chosen JDK ({@code JAVA_HOME}), if one was given. */
    Map<String, String> javaEnvironment() {
        return javaHome.map(home -> Map.of("JAVA_HOME", home)).orElse(Map.of());
    }

    /**
     * Stowage's JVM options beyond the script's own: none, so the benchmark measures what users run (the
     * script's serial collector, 256 MiB heap ceiling and JIT thresholds). Earlier runs passed
     * {@code -Xmx256m -XX:+UseSerialGC}, and {@code -Xmx768m} for the b2 profile, while packs were built in
     * the heap; packs are now spooled to the cache directory and a first backup of either profile runs in
     * 128 MiB. {@code --java-opts} still adds options (after the script's, so they win).
     */
    static final String DEFAULT_JAVA_OPTIONS = "";

    static BenchmarkOptions parse(String[] args) {
        double scale = Double.parseDouble(option(args, "scale", "1.0"));
        Path work = Path.of(option(args, "work", "target/vs-restic")).toAbsolutePath();
        int runs = Integer.parseInt(option(args, "runs", "3"));
        int firstRuns = Integer.parseInt(option(args, "first-runs", "1"));
        Path stowage = Path.of(option(args, "stowage", "stowage")).toAbsolutePath();
        String restic = option(args, "restic", "restic");
        return new BenchmarkOptions(scale, work, runs, firstRuns, stowage, onPath(restic),
                option(args, "java-opts", DEFAULT_JAVA_OPTIONS),
                Optional.ofNullable(option(args, "java-home", null)).map(home -> Path.of(home).toAbsolutePath().toString()),
                !flag(args, "no-b2"), flag(args, "jfr"),
                flag(args, "reuse-tree"), List.of(option(args, "tools", "stowage,restic,stowage-b2").split(",")));
    }

    private static Optional<String> onPath(String executable) {
        if (executable.contains(File.separator)) {
            return Files.isExecutable(Path.of(executable)) ? Optional.of(executable) : Optional.empty();
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, executable);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean flag(String[] args, String name) {
        for (String arg : args) {
            if (arg.equals("--" + name)) {
                return true;
            }
        }
        return false;
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
