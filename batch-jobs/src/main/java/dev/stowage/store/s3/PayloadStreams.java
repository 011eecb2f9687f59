package dev.stowage.store.s3;

import dev.stowage.store.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The streams the SDK reads one request's body from: it asks for a fresh one each time it reads the body
 * (once to send it, and again on each of its own retries; more if its signer reads it too) and need not
 * close the ones it is done with. Each new stream closes the one before, and {@link #close} the last, once
 * the request is over, so a file payload leaves no open descriptor behind, however many requests a backup
 * makes.
 */
final class PayloadStreams implements ContentStreamProvider, AutoCloseable {

    /** Opens a fresh stream over a request's body from its first byte. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final long length;
    private InputStream current;

    PayloadStreams(Opener opener, long length) {
        this.opener = opener;
        this.length = length;
    }

    static PayloadStreams of(Payload payload) {
        return new PayloadStreams(payload::open, payload.length());
    }

    /** The request body, streamed from here, never copied whole (packs are tens of MiB). */
    RequestBody body() {
        return RequestBody.fromContentProvider(this, length, "application/octet-stream");
    }

    @Override
    public synchronized InputStream newStream() {
        closeCurrent();
        try {
            current = opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the payload to upload: " + e.getMessage(), e);
        }
        return current;
    }

    @Override
    public synchronized void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException e) {
            // a stream only read from: nothing was lost, and the descriptor is released either way
        } finally {
            current = null;
        }
    }
}
