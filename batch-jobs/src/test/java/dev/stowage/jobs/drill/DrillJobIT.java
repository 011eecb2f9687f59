package dev.stowage.jobs.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.manifest.Phase;
import dev.stowage.jobs.testing.JobDatabase;
import dev.stowage.jobs.testing.JobsContext;
import dev.stowage.jobs.testing.Runs;
import dev.stowage.jobs.testing.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The drill job on the embedded default location, as {@code stowage verify} runs it. */
class DrillJobIT {

    @TempDir
    Path dir;

    private JobsContext context;
    private Path data;
    private Path config;

    @BeforeEach
    void start() {
        data = Trees.write(dir.resolve("data"), 8, 40_000, 1);
        config = Trees.write(dir.resolve("config"), 4, 3_000, 2);
        Map<String, Object> properties = new LinkedHashMap<>(JobDatabase.H2.properties(dir.resolve("home")));
        properties.put("stowage.drill.scratch-directory", dir.resolve("scratch").toString());
        context = JobsContext.start(properties);
        assertThat(Runs.backup(context, "local", "first", data, config).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private JobExecution drill(boolean full) {
        return context.bean(DrillService.class).run(new VerifyRequest("local", 50, full, 5L));
    }

    @Test
    void aCleanBackupPassesTheDrillAndEachVolumeIsReported() throws IOException {
        JobExecution execution = drill(false);

        DrillReport report = DrillService.report(execution).orElseThrow();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(report.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(report.volumes()).extracting(DrillVolumeReport::volume).containsExactly("config", "data");
        assertThat(report.volumes()).allMatch(v -> v.backup().equals("first") && v.filesChecked() > 0 && v.ok());
        ExecutionContext saved = execution.getExecutionContext();
        assertThat(saved.getLong(ContextKeys.DRILL_MISMATCHES)).isZero();
        assertThat(saved.getLong(ContextKeys.DRILL_FILES_CHECKED)).isEqualTo(report.filesChecked());
        assertThat(saved.getLong(ContextKeys.DRILL_BYTES_VERIFIED)).isEqualTo(report.bytesVerified())
                .isGreaterThanOrEqualTo((8 * 40_000 + 4 * 3_000) / 2);
        try (Stream<Path> left = Files.list(dir.resolve("scratch"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aDamagedPackFailsTheDrillNamingTheVolumeFileAndPack() throws IOException {
        Path repository = dir.resolve("home/repository");
        List<Path> packs;
        try (Stream<Path> files = Files.walk(repository.resolve("data"))) {
            packs = files.filter(Files::isRegularFile).toList();
        }
        packs.forEach(DrillJobIT::damageEveryBlob);

        JobExecution execution = drill(true);

        DrillReport report = DrillService.report(execution).orElseThrow();
        report.volumes().forEach(v -> v.mismatches().forEach(System.out::println));
        assertThat(report.phase()).isEqualTo(Phase.FAILED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("Failed");
        assertThat(execution.getExecutionContext().getLong(ContextKeys.DRILL_MISMATCHES)).isEqualTo(12);
        assertThat(report.volumes()).flatExtracting(DrillVolumeReport::mismatches)
                .allMatch(line -> line.startsWith("file ") && line.contains("data/"));
    }

    /** Flips a bit every 500 bytes: every stored blob (none is smaller) fails authentication. */
    private static void damageEveryBlob(Path pack) {
        try {
            byte[] bytes = Files.readAllBytes(pack);
            for (int i = 0; i < bytes.length; i += 500) {
                bytes[i] ^= 0x01;
            }
            Files.write(pack, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
