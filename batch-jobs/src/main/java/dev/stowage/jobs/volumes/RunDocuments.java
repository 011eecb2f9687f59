package dev.stowage.jobs.volumes;

import java.util.Optional;
import org.springframework.batch.core.step.StepExecution;

/** Reads a document of the repository a run writes to (the run is known from its manager step execution). */
@FunctionalInterface
public interface RunDocuments {

    Optional<byte[]> get(StepExecution manager, String collection, String name);
}
