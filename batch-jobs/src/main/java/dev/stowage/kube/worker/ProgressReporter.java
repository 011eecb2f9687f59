package dev.stowage.kube.worker;

import dev.stowage.repository.Documents;
import dev.stowage.repository.Progress;
import dev.stowage.repository.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a worker's progress to the repository as document {@value #COLLECTION}/&lt;name&gt; at most
 * once per interval, and prints it as a log line. The launcher can read it while the worker runs: the
 * worker has no other way to talk to it. A progress write that fails is logged and skipped, never
 * fatal: progress is a view, the checkpoints that matter are the engine's.
 */
public final class ProgressReporter {

    public static final String COLLECTION = "worker-progress";

    private final Documents documents;
    private final String name;
    private final Duration interval;
    private final Clock clock;
    private final WorkerLog log;
    private final int volumesTotal;
    private Instant last = Instant.MIN;
    private int volumesDone;
    private String currentVolume;

    public ProgressReporter(Documents documents, String name, Duration interval, Clock clock, WorkerLog log,
            int volumesTotal) {
        this.documents = documents;
        this.name = name;
        this.interval = interval;
        this.clock = clock;
        this.log = log;
        this.volumesTotal = volumesTotal;
    }

    /** A listener for one volume's backup or restore. */
    public ProgressListener forVolume(String volume) {
        synchronized (this) {
            currentVolume = volume;
        }
        return this::report;
    }

    public synchronized void volumeDone() {
        volumesDone++;
    }

    private void report(Progress progress) {
        Map<String, Object> document;
        synchronized (this) {
            Instant now = clock.instant();
            if (interval.isZero() || now.isBefore(last.plus(interval))) {
                return;
            }
            last = now;
            document = new LinkedHashMap<>();
            document.put("time", now.toString());
            document.put("volume", currentVolume);
            document.put("volumesDone", volumesDone);
            document.put("volumesTotal", volumesTotal);
            document.put("files", progress.files());
            document.put("bytes", progress.bytes());
        }
        log.info("progress: volume " + document.get("volume") + ", " + progress.files() + " files, "
                + progress.bytes() + " bytes; " + document.get("volumesDone") + "/" + volumesTotal + " volumes done");
        try {
            documents.put(COLLECTION, name, WorkerJson.write(document).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.info("progress: unable to write progress document " + name + ": " + e.getMessage());
        }
    }
}
