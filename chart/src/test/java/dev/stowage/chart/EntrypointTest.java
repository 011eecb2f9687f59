package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/entrypoint.sh run by /bin/sh, as the image runs it, with a stand-in `java` first on PATH
 * that records the arguments it receives (NUL-separated, so spaces inside one survive) and exits
 * with a status the test chooses.
 */
class EntrypointTest {

    private static final Path ENTRYPOINT = StowageChart.directory().resolveSibling("docker").resolve("entrypoint.sh");

    @TempDir
    Path dir;

    private Path recorded;

    @BeforeEach
    void installFakeJava() throws IOException {
        recorded = dir.resolve("java-args");
        Path java = dir.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/sh
                for arg in "$@"; do printf '%s\\0' "$arg"; done > "$RECORD"
                exit "${FAKE_JAVA_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void passesTheContainerArgumentsToTheJarUnchanged() throws IOException {
        Commands.Result run = entrypoint(Map.of(), "backup", "create", "--schedule", "daily", "--labels", "a=b c");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(javaArguments()).containsExactly("-jar", "/app/stowage.jar",
                "backup", "create", "--schedule", "daily", "--labels", "a=b c");
    }

    @Test
    void javaOptsComeBeforeTheJarOnePerWord() throws IOException {
        Commands.Result run = entrypoint(Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"), "worker");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(javaArguments()).containsExactly("-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8",
                "-jar", "/app/stowage.jar", "worker");
    }

    @Test
    void theCommandsExitStatusIsTheContainers() {
        Commands.Result run = entrypoint(Map.of("FAKE_JAVA_EXIT", "2"), "backup", "create", "--schedule", "daily");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    private Commands.Result entrypoint(Map<String, String> env, String... args) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        environment.put("RECORD", recorded.toString());
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", ENTRYPOINT.toString()));
        command.addAll(Arrays.asList(args));
        return Commands.run(dir, environment, command);
    }

    private List<String> javaArguments() throws IOException {
        String raw = Files.readString(recorded, StandardCharsets.UTF_8);
        return Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1));
    }
}
