package dev.stowage.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns a Kubernetes API error into the short phrase a report shows: {@code 403 Forbidden: <message>}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static String describe(KubernetesClientException e) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : rootMessage(e);
        String reason = e.getStatus() != null && e.getStatus().getReason() != null ? " " + e.getStatus().getReason() : "";
        return e.getCode() > 0 ? e.getCode() + reason + ": " + message : message;
    }

    public static boolean isNotFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }

    public static boolean isConflict(KubernetesClientException e) {
        return e.getCode() == 409;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
