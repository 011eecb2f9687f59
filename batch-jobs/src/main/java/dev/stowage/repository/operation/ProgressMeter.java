package dev.stowage.repository.operation;

import dev.stowage.repository.Progress;
import dev.stowage.repository.ProgressListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts files and bytes from many threads and passes a {@link Progress} to a listener at most a few
 * times a second, from whichever thread happens to cross the interval; no timer thread. A listener
 * that throws is ignored: progress must never fail the work it reports on.
 */
public final class ProgressMeter {
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final System.Logger LOG = System.getLogger(ProgressMeter.class.getName());

    private final ProgressListener listener;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong nextReport = new AtomicLong(System.nanoTime());
    private final long filesTotal;
    private final long bytesTotal;

    public ProgressMeter(ProgressListener listener, long filesTotal, long bytesTotal) {
        this.listener = listener;
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
    }

    public void addBytes(long count, String currentPath) {
        bytes.addAndGet(count);
        maybeReport(currentPath);
    }

    public void fileDone(String currentPath) {
        files.incrementAndGet();
        maybeReport(currentPath);
    }

    /** Reports now, whatever the interval: the final state of an operation. */
    public void finish() {
        report(null);
    }

    private void maybeReport(String currentPath) {
        long now = System.nanoTime();
        long next = nextReport.get();
        if (now - next >= 0 && nextReport.compareAndSet(next, now + INTERVAL_NANOS)) {
            report(currentPath);
        }
    }

    private void report(String currentPath) {
        try {
            listener.onProgress(new Progress(files.get(), bytes.get(), filesTotal, bytesTotal, currentPath));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "progress listener failed; ignored", e);
        }
    }
}
