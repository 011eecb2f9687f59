package dev.stowage.kube.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a worker reports when it ends, through its container's termination message
 * ({@link TerminationMessage}).
 *
 * @param version    1
 * @param volumes    one result per volume of the spec that the worker got to, in spec order
 * @param operations object-store requests it sent, by S3 operation name
 * @param error      why the worker as a whole failed, or null when it ran to the end
 */
public record WorkerResult(@JsonProperty("v") int version, @JsonProperty("vol") List<VolumeResult> volumes,
        @JsonProperty("ops") Map<String, Long> operations, @JsonProperty("err") String error) {

    public WorkerResult {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        operations = operations == null ? Map.of() : Map.copyOf(operations);
    }

    public static WorkerResult failure(String error, List<VolumeResult> done, Map<String, Long> operations) {
        return new WorkerResult(WorkerSpec.VERSION, done, operations, error);
    }

    public boolean ok() {
        return error == null;
    }

    public WorkerResult withWarningsCut(int keep) {
        return new WorkerResult(version, volumes.stream().map(v -> v.withWarningsCut(keep)).toList(), operations,
                error);
    }
}
