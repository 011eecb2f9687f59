package dev.stowage.perf.vsrestic;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code stowage} command (the launcher's script) against the benchmark's S3 endpoint, configured
 * as an operator would, through environment variables: one S3 location {@value #LOCATION} with a
 * Velero-style credentials file, optionally a cost profile, the password in {@code STOWAGE_PASSWORD},
 * the local state (JobRepository, cache, logs) in {@code STOWAGE_HOME}, and JVM options in
 * {@code JAVA_OPTS}. The script runs the launcher the way a user does (extracted jar plus its
 * class-data-sharing archive), so process start-up is part of every figure.
 */
final class StowageTool implements Tool {
    static final String LOCATION = "bench";
    private static final String PREFIX = "STOWAGE_LOCATIONS_BENCH_";

    private final String name;
    private final Path script;
    private final String endpoint;
    private final Path credentialsFile;
    private final String password;
    private final String profile;
    private final String javaOptions;
    private final Map<String, String> javaEnvironment;

    /**
     * @param script  the {@code stowage} script
     * @param profile the location's cost profile ({@code b2}, {@code minio}), or null for the defaults
     * @param javaEnvironment {@code JAVA_HOME} when the script must run a chosen JDK, else empty
     */
    StowageTool(String name, Path script, String endpoint, Path credentialsFile, String password, String profile,
            String javaOptions, Map<String, String> javaEnvironment) {
        this.name = name;
        this.script = script;
        this.endpoint = endpoint;
        this.credentialsFile = credentialsFile;
        this.password = password;
        this.profile = profile;
        this.javaOptions = javaOptions;
        this.javaEnvironment = Map.copyOf(javaEnvironment);
    }

    @Override
    public String name() {
        return name;
    }

    /** The first backup creates the repository. */
    @Override
    public Command init(Workspace workspace) {
        return null;
    }

    @Override
    public Command backup(Workspace workspace, Path source, String backupName) {
        workspace.lastSource(source);
        return command(workspace, "backup", "create", backupName, "--path", source.toString(),
                "--location", LOCATION);
    }

    @Override
    public Command restore(Workspace workspace, Path target) {
        return command(workspace, "restore", "create", "--from-backup", workspace.lastBackup(),
                "--target", target.toString(), "--location", LOCATION);
    }

    /** Each volume is restored to a directory named after it: the source's last component. */
    @Override
    public Path restoredTree(Path target, Path source) {
        return target.resolve(source.getFileName().toString());
    }

    /** The same command with one more JVM option (a profiler, say). */
    Command withJvmOption(Command command, String option) {
        Map<String, String> environment = new HashMap<>(command.environment());
        environment.put("JAVA_OPTS", environment.get("JAVA_OPTS") + " " + option);
        return new Command(command.argv(), environment);
    }

    private Command command(Workspace workspace, String... arguments) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(script.toString());
        argv.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>();
        environment.put("STOWAGE_HOME", workspace.state().resolve("home").toString());
        environment.put("STOWAGE_PASSWORD", password);
        environment.put(PREFIX + "TYPE", "s3");
        environment.put(PREFIX + "ENDPOINT", endpoint);
        environment.put(PREFIX + "BUCKET", workspace.bucket());
        environment.put(PREFIX + "REGION", "us-east-1");
        environment.put(PREFIX + "CREDENTIALS_FILE", credentialsFile.toString());
        if (profile != null) {
            environment.put(PREFIX + "PROFILE", profile);
        }
        environment.put("JAVA_OPTS", javaOptions);
        environment.putAll(javaEnvironment);
        // glibc gives each thread that allocates natively (zstd, AWS-LC) an arena of its own, which keeps
        // what it once held: two arenas bound that resident memory (measured in perf/README.md)
        environment.put("MALLOC_ARENA_MAX", "2");
        return new Command(argv, environment);
    }
}
