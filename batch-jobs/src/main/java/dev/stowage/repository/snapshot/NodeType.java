package dev.stowage.repository.snapshot;

/** What a tree entry is. The ids are written into tree blobs and are never reused. */
public enum NodeType {
    FILE(1),
    DIRECTORY(2),
    SYMLINK(3);

    private final int id;

    NodeType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The type with this id, or null for an id this version does not know. */
    public static NodeType ofId(int id) {
        for (NodeType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }
}
