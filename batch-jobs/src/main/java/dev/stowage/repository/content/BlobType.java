package dev.stowage.repository.content;

/** What a blob holds. The ids are written into packs and indexes and are never reused. */
public enum BlobType {
    DATA(0),
    TREE(1);

    private final int id;

    BlobType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static BlobType ofId(int id) {
        for (BlobType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown blob type id " + id);
    }
}
