package dev.stowage.store.credentials;

/**
 * Access keys and where they were found, said without the secret ("file /etc/stowage/cloud,
 * profile [default]"), so a refused key can be traced to the place the operator must fix.
 */
public record ResolvedCredentials(AccessKeys keys, String source) {

    @Override
    public String toString() {
        return "credentials " + keys.maskedKeyId() + " from " + source;
    }
}
