package dev.stowage.store.credentials;

/**
 * An S3 access key pair (and session token, when temporary). Its {@link #toString()} never shows the
 * secret or the token, so the record can be logged or put in an exception by mistake without harm.
 *
 * @param accessKeyId     the key id (on B2: the application key id)
 * @param secretAccessKey the secret (on B2: the application key)
 * @param sessionToken    for temporary credentials; null otherwise
 */
public record AccessKeys(String accessKeyId, String secretAccessKey, String sessionToken) {

    public AccessKeys {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an access key needs both an id and a secret");
        }
    }

    public AccessKeys(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, null);
    }

    /** The key id with all but its first four characters masked, for messages. */
    public String maskedKeyId() {
        int shown = Math.min(4, accessKeyId.length() / 2);
        return accessKeyId.substring(0, shown) + "…";
    }

    @Override
    public String toString() {
        return "AccessKeys[accessKeyId=" + maskedKeyId() + ", secretAccessKey=<redacted>"
                + (sessionToken == null ? "" : ", sessionToken=<redacted>") + "]";
    }
}
