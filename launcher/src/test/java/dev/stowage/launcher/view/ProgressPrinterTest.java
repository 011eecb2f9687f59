package dev.stowage.launcher.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.jobs.progress.PartitionProgress;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.repository.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void aLineShowsFilesBytesRateAndTimeLeft() {
        PartitionProgress progress = new PartitionProgress("backup b", "path-0", "data", START,
                new Progress(120, 50L << 20, 400, 100L << 20, "a/b"));

        String line = ProgressPrinter.line(progress, START.plusSeconds(10));

        assertThat(line).isEqualTo("path-0 data  120/400 files  50.0 MiB/100 MiB  5.0 MiB/s  ETA 10.0s");
    }

    @Test
    void anUnknownTotalLeavesTheTimeLeftOpen() {
        PartitionProgress progress = new PartitionProgress("backup b", "path-0", "data", START,
                new Progress(3, 2048, -1, -1, null));

        assertThat(ProgressPrinter.line(progress, START.plusSeconds(1))).endsWith("3 files  2.0 KiB  2.0 KiB/s  ETA -");
    }

    @Test
    void withoutATerminalItPrintsPlainLinesWithoutControlCharacters() throws Exception {
        ProgressBoard board = new ProgressBoard(Clock.fixed(START, ZoneOffset.UTC));
        board.track("backup b", "path-0", "data").onProgress(new Progress(1, 10, -1, -1, null));
        StringWriter err = new StringWriter();

        try (ProgressPrinter printer = ProgressPrinter.start(board, new PrintWriter(err), false, Duration.ofMillis(5))) {
            while (!err.toString().contains("\n")) {
                Thread.sleep(5);
            }
        }

        String first = err.toString().lines().findFirst().orElseThrow();
        assertThat(first).startsWith(START + " path-0 data  1 files").doesNotContain("\033");
    }
}
