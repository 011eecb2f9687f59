package dev.stowage.repository.crypto;

/**
 * What an encrypted object is for. Its id is authenticated as associated data with every object, so a
 * ciphertext made for one purpose (a blob, say) never decrypts as another (an index): an attacker who
 * can swap objects in the bucket cannot make the engine misread one kind as another. Ids are part of
 * the format and never reused.
 */
public enum Purpose {
    /** the master key inside a key object, under the password-derived key */
    KEY(1),
    /** the repository config object */
    CONFIG(2),
    /** one blob inside a pack */
    BLOB(3),
    /** the header at the end of a pack */
    PACK_HEADER(4),
    /** an index object */
    INDEX(5),
    /** a sealed document (snapshot manifest, backup record) */
    DOCUMENT(6);

    private final int id;

    Purpose(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }
}
