package dev.stowage.store;

/** The credentials were refused for this operation; check the location's access key and policy. */
public class PermissionDeniedException extends StoreException {
    public PermissionDeniedException(String operation, String key, String location, String detail,
            Throwable cause) {
        super(operation, key, location, Reason.PERMISSION_DENIED,
                (detail == null ? "permission denied" : detail)
                        + " (check the location's credentials and bucket policy)", cause);
    }
}
