package dev.stowage.kube.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stowage.repository.Documents;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A worker's result as its container's termination message, which is how it reaches the launcher: the
 * worker has no Kubernetes API access and no JobRepository, and Kubernetes keeps at most 4 KiB of the
 * message in the pod's status.
 *
 * <p>The result is written whole when it fits; else with fewer warning lines; else it is stored in the
 * repository as document {@value #COLLECTION}/&lt;name&gt; and the message says so:
 * {@code {"v":1,"doc":"<name>"}}. The launcher reads it from there with its own repository access.
 */
public final class TerminationMessage {

    /** Kubernetes truncates termination messages past 4096 bytes. */
    public static final int LIMIT = 4096;
    /** Where results too large for the message are stored. */
    public static final String COLLECTION = "worker-results";

    private static final int FEW_WARNINGS = 3;
    private static final int MAX_ERROR = 3000;

    private TerminationMessage() {
    }

    /**
     * @param documentName the name to store the result under when it does not fit
     * @param documents    the repository's documents, or null when the repository could not be opened
     */
    public static String encode(WorkerResult result, String documentName, Documents documents) {
        WorkerResult bounded = result.error() != null && result.error().length() > MAX_ERROR
                ? new WorkerResult(result.version(), result.volumes(), result.operations(),
                        result.error().substring(0, MAX_ERROR) + "…")
                : result;
        for (WorkerResult candidate : new WorkerResult[] {bounded, bounded.withWarningsCut(FEW_WARNINGS),
                bounded.withWarningsCut(0)}) {
            String json = WorkerJson.write(candidate);
            if (fits(json)) {
                return json;
            }
        }
        if (documents == null) {
            return WorkerJson.write(new WorkerResult(bounded.version(), java.util.List.of(), bounded.operations(),
                    bounded.error() == null ? "result too large for the termination message and no repository to "
                            + "store it in" : bounded.error()));
        }
        documents.put(COLLECTION, documentName, WorkerJson.write(bounded).getBytes(StandardCharsets.UTF_8));
        return WorkerJson.write(new Reference(WorkerSpec.VERSION, documentName));
    }

    /**
     * Reads a termination message; a reference is resolved through {@code documents} (collection, name →
     * the document's bytes).
     *
     * @throws IllegalArgumentException when the message is not a worker result (a worker that died
     *                                  before writing one leaves none, or the kubelet's own text)
     */
    public static WorkerResult decode(String message, BiFunction<String, String, Optional<byte[]>> documents) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("the worker left no termination message");
        }
        Reference reference = WorkerJson.read(message, Reference.class, "termination message");
        if (reference.document() != null) {
            byte[] stored = documents.apply(COLLECTION, reference.document()).orElseThrow(() ->
                    new IllegalArgumentException("the worker's result document " + COLLECTION + "/"
                            + reference.document() + " is missing from the repository"));
            return WorkerJson.read(new String(stored, StandardCharsets.UTF_8), WorkerResult.class,
                    "worker result " + reference.document());
        }
        return WorkerJson.read(message, WorkerResult.class, "termination message");
    }

    /** A name valid for a document: {@code A-Z a-z 0-9 . _ : @ + = -}, at most 200 characters. */
    public static String documentName(String text) {
        String name = text.replaceAll("[^A-Za-z0-9._:@+=-]", "_");
        if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) {
            name = "r" + name;
        }
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    private static boolean fits(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length <= LIMIT;
    }

    /** The message when the result is stored as a document. */
    record Reference(@JsonProperty("v") int version, @JsonProperty("doc") String document) {
    }
}
