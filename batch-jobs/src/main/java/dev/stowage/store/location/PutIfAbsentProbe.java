package dev.stowage.store.location;

import dev.stowage.store.ObjectStore;
import dev.stowage.store.Payload;
import dev.stowage.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds out once per machine whether an S3 endpoint honours {@code If-None-Match: *} on PutObject, and
 * remembers the answer in the location's cache directory (which is keyed by endpoint, bucket and prefix,
 * so a location pointed elsewhere asks again).
 *
 * <p>Not every S3-compatible endpoint honours the condition, and one that ignores it answers 200 and
 * replaces the object: a backup manifest could then be overwritten by a backup of the same name. So the
 * condition is trusted only after the endpoint refused it, on a key no repository uses: the probe writes
 * that object on condition and expects 412, because an earlier probe (from any machine) left it there; when
 * it was written instead, it is the first probe of the bucket, and a second conditional write must get the
 * 412. One PutObject per machine and location (two for the bucket's first); in exchange every backup saves
 * the read that checks its name is free.
 *
 * <p>A probe that cannot finish (the endpoint unreachable, throttling, no permission) answers "not known"
 * for this process and leaves nothing on disk, so a later run asks again; callers then do without.
 */
final class PutIfAbsentProbe {

    static final String KEY = WriteReadDeleteProbe.KEY_PREFIX + "put-if-absent";
    static final String VERDICT_FILE = "put-if-absent";
    private static final String HONOURED = "honoured";
    private static final String IGNORED = "ignored";

    private final ObjectStore store;
    private final Path verdictFile;

    /**
     * @param store          the location's store, through which the probe's requests are counted and retried
     * @param cacheDirectory the location's own cache directory
     */
    PutIfAbsentProbe(ObjectStore store, Path cacheDirectory) {
        this.store = store;
        this.verdictFile = cacheDirectory.resolve(VERDICT_FILE);
    }

    /** Whether the endpoint honours the condition: from this machine's record, else from a probe. */
    boolean honoured() {
        String recorded = recorded();
        if (recorded != null) {
            return recorded.equals(HONOURED);
        }
        Boolean probed = probe();
        if (probed == null) {
            return false;
        }
        record(probed ? HONOURED : IGNORED);
        return probed;
    }

    /** True or false when the endpoint answered; null when it could not be asked. */
    private Boolean probe() {
        byte[] bytes = "stowage: does this endpoint honour If-None-Match on PutObject?"
                .getBytes(StandardCharsets.US_ASCII);
        try {
            // the first write may create the object (the bucket's first probe); the second must be refused
            return !store.putIfAbsent(KEY, Payload.of(bytes)) || !store.putIfAbsent(KEY, Payload.of(bytes));
        } catch (StoreException e) {
            // an endpoint that rejects the header (501 Not Implemented, 400) does not honour it; anything
            // passing (throttling, an outage) says nothing about it
            return e.reason() == StoreException.Reason.MISCONFIGURED ? Boolean.FALSE : null;
        }
    }

    private String recorded() {
        try {
            return Files.readString(verdictFile, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // unreadable: ask the endpoint again
        }
    }

    /** Written whole or not at all: a torn record would be read as "ignored", which is only slower. */
    private void record(String verdict) {
        try {
            Files.createDirectories(verdictFile.getParent());
            Path temporary = Files.createTempFile(verdictFile.getParent(), VERDICT_FILE, ".tmp");
            Files.writeString(temporary, verdict + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, verdictFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, verdictFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // not recorded: the next run probes again, which costs two requests and nothing else
        }
    }
}
