package dev.stowage.perf.vsrestic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * restic against the benchmark's S3 endpoint: repository format 2 (zstd, "auto" compression, the
 * default of restic 0.14), default pack size and connections, its cache in the workspace's state.
 */
final class ResticTool implements Tool {
    static final String HOST = "benchmark";

    private final String executable;
    private final String endpoint;
    private final String password;

    ResticTool(String executable, String endpoint, String password) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.password = password;
    }

    @Override
    public String name() {
        return "restic";
    }

    @Override
    public Command init(Workspace workspace) {
        return command(workspace, "init", "--repository-version", "2");
    }

    @Override
    public Command backup(Workspace workspace, Path source, String backupName) {
        return command(workspace, "backup", "--host", HOST, "--quiet", source.toString());
    }

    @Override
    public Command restore(Workspace workspace, Path target) {
        return command(workspace, "restore", "latest", "--host", HOST, "--target", target.toString());
    }

    /** restic restores a snapshot's absolute paths below the target. */
    @Override
    public Path restoredTree(Path target, Path source) {
        return target.resolve(source.toAbsolutePath().toString().substring(1));
    }

    private Command command(Workspace workspace, String... arguments) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(executable);
        argv.addAll(List.of(arguments));
        return new Command(argv, Map.of(
                "RESTIC_REPOSITORY", "s3:" + endpoint + "/" + workspace.bucket(),
                "RESTIC_PASSWORD", password,
                "RESTIC_CACHE_DIR", workspace.state().resolve("cache").toString(),
                "AWS_ACCESS_KEY_ID", S3Endpoint.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3Endpoint.SECRET_KEY));
    }
}
