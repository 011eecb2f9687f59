package dev.stowage.kube.worker;

import java.io.PrintStream;
import java.time.Clock;

/** The worker's log: plain timestamped lines on its standard output, which {@code kubectl logs} shows. */
public final class WorkerLog {

    private final PrintStream out;
    private final Clock clock;
    private final String prefix;

    public WorkerLog(PrintStream out, Clock clock, String prefix) {
        this.out = out;
        this.clock = clock;
        this.prefix = prefix;
    }

    public void info(String message) {
        synchronized (out) {
            out.println(clock.instant() + " " + prefix + message);
            out.flush();
        }
    }
}
