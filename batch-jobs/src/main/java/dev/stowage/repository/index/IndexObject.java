package dev.stowage.repository.index;

import java.util.Arrays;
import java.util.List;

/**
 * The content of one index object ({@code index/<hash>}): which blobs are in which packs, as one writer
 * uploaded them. See {@link IndexCodec} for the bytes.
 *
 * @param kind       a checkpoint (written while a writer runs) or the final index of a finished writer
 * @param writerId   16 random bytes naming the writer, shared by its checkpoints and final index
 * @param supersedes keys of index objects this one makes redundant (a final index names its writer's
 *                   checkpoints), so maintenance can delete them even if the writer could not
 */
public record IndexObject(Kind kind, byte[] writerId, List<String> supersedes, List<IndexedPack> packs) {

    public static final int WRITER_ID_LENGTH = 16;

    /** Ids are part of the format; never reused. */
    public enum Kind {
        FINAL(0),
        CHECKPOINT(1),
        /**
         * Written by maintenance: blobs no snapshot referenced when it marked, which it will delete once a
         * safety margin has passed. Readers still find them (a backup that started before the mark may
         * reference one); writers never deduplicate against them.
         */
        CONDEMNED(2),
        /**
         * Written by maintenance before it removes entries from the normal index: the entries it is about to
         * condemn, so that a run dying before its CONDEMNED object is stored leaves them findable. Its store
         * time bounds nothing (it precedes the removals), so no deletion counts from it: the next run
         * condemns these entries anew, or rescues them, and deletes it. Readers and writers treat its blobs
         * as condemned.
         */
        CONDEMNING(3);

        private final int id;

        Kind(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        /** Whether writers may deduplicate against the blobs such an object lists (FINAL and CHECKPOINT). */
        public boolean deduplicable() {
            return this == FINAL || this == CHECKPOINT;
        }

        public static Kind ofId(int id) {
            for (Kind kind : values()) {
                if (kind.id == id) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown index kind " + id);
        }
    }

    public IndexObject {
        if (writerId.length != WRITER_ID_LENGTH) {
            throw new IllegalArgumentException("a writer id has " + WRITER_ID_LENGTH + " bytes");
        }
        writerId = writerId.clone();
        supersedes = List.copyOf(supersedes);
        packs = List.copyOf(packs);
    }

    @Override
    public byte[] writerId() {
        return writerId.clone();
    }

    public int blobCount() {
        return packs.stream().mapToInt(p -> p.entries().size()).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexObject other && kind == other.kind && Arrays.equals(writerId, other.writerId)
                && supersedes.equals(other.supersedes) && packs.equals(other.packs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * kind.hashCode() + Arrays.hashCode(writerId)) + supersedes.hashCode())
                + packs.hashCode();
    }
}
