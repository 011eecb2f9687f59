package dev.stowage.repository.content;

/**
 * A {@link BlobSink} that takes each verified blob in a buffer the reader reuses for the next one, so
 * a bulk read allocates no array per blob (a restore of gigabytes otherwise allocates as much). The
 * bytes are valid only during the call; {@link #accept(BlobId, byte[])} is not called.
 */
public interface BlobBufferSink extends BlobSink {

    /** The blob's verified plaintext is {@code buffer[0, length)}; the reader overwrites it after this returns. */
    void accept(BlobId id, byte[] buffer, int length);

    @Override
    default void accept(BlobId id, byte[] plaintext) {
        accept(id, plaintext, plaintext.length);
    }
}
