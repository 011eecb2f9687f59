package dev.stowage.store.location;

import dev.stowage.store.ObjectStore;
import dev.stowage.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes a small object, reads it back, deletes it and checks it is gone: what a backup does to a
 * location, on a key no repository uses. Whatever step fails, the probe tries to leave nothing behind.
 */
final class WriteReadDeleteProbe {

    static final String KEY_PREFIX = ".stowage-probe/";

    private WriteReadDeleteProbe() {
    }

    /** The probe's outcome and the key it used (for follow-up checks on the same key). */
    record Outcome(CheckResult result, String key) {
    }

    static Outcome run(ObjectStore store, LocationSpec spec) {
        String key = KEY_PREFIX + UUID.randomUUID();
        byte[] payload = ("stowage location probe " + Instant.now()).getBytes(StandardCharsets.US_ASCII);
        String step = "write";
        try {
            store.put(key, payload);
            step = "read";
            if (!Arrays.equals(payload, store.get(key))) {
                cleanUp(store, key);
                return new Outcome(CheckResult.fail(LocationValidator.PROBE, "the object read back differs from the"
                        + " one written", "check for a proxy or gateway in front of " + spec.describe()
                        + " that alters objects"), key);
            }
            step = "delete";
            store.delete(key);
            if (store.stat(key).isPresent()) {
                return new Outcome(CheckResult.fail(LocationValidator.PROBE, "a deleted object is still there",
                        "the store must show deletes at once; check its consistency settings"), key);
            }
            return new Outcome(CheckResult.pass(LocationValidator.PROBE, "wrote, read back and deleted " + key), key);
        } catch (StoreException e) {
            if (!step.equals("write")) {
                cleanUp(store, key);
            }
            return new Outcome(CheckResult.fail(LocationValidator.PROBE, step + " failed: " + e.getMessage(),
                    fix(e, step)), key);
        }
    }

    private static String fix(StoreException e, String step) {
        if (e.reason() == StoreException.Reason.PERMISSION_DENIED) {
            return "the credentials may not " + step + " objects here: on B2 give the application key readFiles,"
                    + " writeFiles and deleteFiles; on S3 or MinIO allow s3:GetObject, s3:PutObject and"
                    + " s3:DeleteObject on the bucket";
        }
        if (e.reason() == StoreException.Reason.IO) {
            return "check the directory's permissions and free space";
        }
        return e.retriable() ? "the endpoint failed for now; try again, and check its health if it persists"
                : "check the location's settings against the message";
    }

    private static void cleanUp(ObjectStore store, String key) {
        try {
            store.delete(key);
        } catch (StoreException ignored) {
            // the probe already failed; a stray probe object is harmless and named as one
        }
    }
}
