package dev.stowage.store.location;

import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import java.nio.charset.StandardCharsets;

/**
 * Finds out whether an S3 endpoint honours {@code If-None-Match: *} on PutObject, once per process that
 * needs it (a backup claiming its name).
 *
 * <p>Not every S3-compatible endpoint honours the condition, and one that ignores it answers 200 and
 * replaces the object: a backup manifest could then be overwritten by a backup of the same name. So the
 * condition is trusted only after the endpoint refused it, on a key no repository uses: the probe writes
 * that object on condition and expects 412, because an earlier probe left it there; when it was written
 * instead, it is the bucket's first probe, and a second conditional write must get the 412. One PutObject
 * (two the first time), which B2 bills as class A (free), for the read of the name it saves (class B).
 * Asked again by every process rather than remembered on disk: a server swapped behind the same endpoint
 * is never trusted on an old answer.
 *
 * <p>Any failure of the probe (an outage, throttling, no permission, 501 Not Implemented) answers "not
 * honoured": callers then read the name, as they would anyway.
 */
final class PutIfAbsentProbe {

    static final String KEY = WriteReadDeleteProbe.KEY_PREFIX + "put-if-absent";

    private PutIfAbsentProbe() {
    }

    static boolean honoured(ObjectStore store) {
        byte[] bytes = "stowage: does this endpoint honour If-None-Match on PutObject?"
                .getBytes(StandardCharsets.US_ASCII);
        try {
            // the first write may create the object (the bucket's first probe); the second must be refused
            return !store.putIfAbsent(KEY, Payload.of(bytes)) || !store.putIfAbsent(KEY, Payload.of(bytes));
        } catch (StoreException e) {
            return false;
        }
    }
}
