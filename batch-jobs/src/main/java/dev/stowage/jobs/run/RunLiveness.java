package dev.stowage.jobs.run;

/**
 * Decides whether the process that left a job execution STARTED is still running it. The local
 * implementation knows processes on this host; where launchers run elsewhere (Kubernetes pods
 * sharing a PostgreSQL JobRepository) another bean can answer for them.
 */
@FunctionalInterface
public interface RunLiveness {

    enum State {
        ALIVE, GONE, UNKNOWN
    }

    State of(ProcessIdentity process);

    /** Processes on this host are checked by pid and start time; elsewhere the answer is UNKNOWN. */
    static RunLiveness localHost() {
        return process -> {
            ProcessIdentity self = ProcessIdentity.current();
            if (!process.host().equals(self.host())) {
                return State.UNKNOWN;
            }
            if (process.pid() == self.pid()) {
                return State.ALIVE;
            }
            return ProcessHandle.of(process.pid())
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().startInstant()
                            .map(start -> Math.abs(start.toEpochMilli() - process.started().toEpochMilli()) < 2000)
                            .orElse(true))
                    .map(handle -> State.ALIVE)
                    .orElse(State.GONE);
        };
    }
}
