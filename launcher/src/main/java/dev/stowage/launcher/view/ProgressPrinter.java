package dev.stowage.launcher.view;

import dev.stowage.jobs.progress.PartitionProgress;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.repository.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Shows running partitions while a run goes on. On a terminal: one line per partition, redrawn in
 * place a few times a second. Elsewhere (CronJob logs, a background run's log file): plain lines
 * every {@code interval}, never a control character.
 */
public final class ProgressPrinter implements AutoCloseable {

    private static final Duration REDRAW = Duration.ofMillis(250);
    private static final String CLEAR_BELOW = "\033[J";

    private final ProgressBoard board;
    private final PrintWriter err;
    private final boolean terminal;
    private final Duration interval;
    private final Thread thread;
    private int linesShown;

    private ProgressPrinter(ProgressBoard board, PrintWriter err, boolean terminal, Duration interval) {
        this.board = board;
        this.err = err;
        this.terminal = terminal;
        this.interval = terminal ? REDRAW : interval;
        this.thread = new Thread(this::loop, "progress");
        thread.setDaemon(true);
    }

    public static ProgressPrinter start(ProgressBoard board, PrintWriter err, boolean terminal, Duration interval) {
        ProgressPrinter printer = new ProgressPrinter(board, err, terminal, interval);
        printer.thread.start();
        return printer;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval.toMillis());
                print(board.running());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void print(List<PartitionProgress> running) {
        Instant now = board.clock().instant();
        if (terminal) {
            erase();
            running.forEach(p -> err.println(line(p, now)));
            linesShown = running.size();
        } else {
            running.forEach(p -> err.println(now + " " + line(p, now)));
        }
        err.flush();
    }

    private void erase() {
        if (linesShown > 0) {
            err.print("\033[" + linesShown + "F" + CLEAR_BELOW);
            linesShown = 0;
        }
    }

    static String line(PartitionProgress p, Instant now) {
        Progress progress = p.progress();
        String files = Human.count(progress.files()) + (progress.filesTotal() >= 0
                ? "/" + Human.count(progress.filesTotal()) : "") + " files";
        String bytes = Human.bytes(progress.bytes()) + (progress.bytesTotal() >= 0
                ? "/" + Human.bytes(progress.bytesTotal()) : "");
        String eta = p.eta(now).map(Human::duration).map(d -> "ETA " + d).orElse("ETA -");
        return p.partition() + " " + p.volume() + "  " + files + "  " + bytes + "  "
                + Human.rate(p.bytesPerSecond(now)) + "  " + eta;
    }

    @Override
    public synchronized void close() {
        thread.interrupt();
        if (terminal) {
            erase();
            err.flush();
        }
    }
}
