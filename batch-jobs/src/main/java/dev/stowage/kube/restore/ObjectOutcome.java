package dev.stowage.kube.restore;

/**
 * One object's line in {@code restore describe --details}.
 *
 * @param resource        {@code deployments.apps}, {@code configmaps}
 * @param namespace       namespace it was restored into (after mapping); {@code ""} for cluster-scoped
 * @param sourceNamespace namespace it was backed up from; {@code ""} for cluster-scoped
 * @param name            object name
 * @param status          what happened
 * @param message         why it was skipped, what the API said, or a note; {@code ""} when nothing to add
 */
public record ObjectOutcome(String resource, String namespace, String sourceNamespace, String name,
        OutcomeStatus status, String message) {

    public ObjectOutcome {
        namespace = namespace == null ? "" : namespace;
        sourceNamespace = sourceNamespace == null ? "" : sourceNamespace;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return resource + " " + (namespace.isEmpty() ? "" : namespace + "/") + name + ": " + status
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
