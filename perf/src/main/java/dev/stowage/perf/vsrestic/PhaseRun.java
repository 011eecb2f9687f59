package dev.stowage.perf.vsrestic;

/** One measured command: the process's figures, what it sent to S3, and the repository after it. */
record PhaseRun(MeasuredProcess.Figures figures, Traffic traffic, long repositoryBytes, long repositoryObjects,
        double loadAverage) {
}
