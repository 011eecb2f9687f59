package dev.stowage.repository.compress;

/** How a blob's plaintext was compressed before encryption. The ids are in packs and indexes; never reused. */
public enum Compression {
    /** stored as is: incompressible data, or too small to gain */
    NONE(0),
    /** one zstd frame with the content size in its header */
    ZSTD(1);

    private final int id;

    Compression(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static Compression ofId(int id) {
        for (Compression compression : values()) {
            if (compression.id == id) {
                return compression;
            }
        }
        throw new IllegalArgumentException("unknown compression id " + id);
    }
}
