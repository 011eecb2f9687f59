package dev.stowage.repository;

/**
 * Stored bytes failed authentication or decoding. Names the object (pack, index, tree) and, where
 * known, the snapshot file that needed it.
 */
public class CorruptDataException extends RepositoryException {
    private final String objectKey;

    public CorruptDataException(String objectKey, String message, Throwable cause) {
        super(message, cause);
        this.objectKey = objectKey;
    }

    public String objectKey() {
        return objectKey;
    }
}
