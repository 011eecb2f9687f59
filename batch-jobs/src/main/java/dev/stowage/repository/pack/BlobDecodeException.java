package dev.stowage.repository.pack;

/**
 * A stored blob did not decode: authentication, decompression or the id check failed. Carries no object
 * name; the caller, who knows the pack, reports it as a {@code CorruptDataException}.
 */
public class BlobDecodeException extends RuntimeException {
    public BlobDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
