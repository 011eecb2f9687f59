package dev.stowage.repository.restore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Chooses the files of a restore drill: a share of a snapshot's bytes, picked at random but
 * reproducibly. Each file gets a key from the seed and its path alone (not from the order in which
 * the snapshot is walked), and files are taken in key order until their bytes reach the share: the
 * same seed chooses the same files again, another seed other files.
 */
public final class FileSample {

    /** A candidate: a file's snapshot path and size. */
    public record Candidate(String path, long size) {
    }

    private FileSample() {
    }

    /**
     * The files whose sizes add up to at least {@code percent} of all bytes, stopping with the file that
     * reaches it (at least one file when there is any).
     */
    public static <T> List<T> select(List<T> files, Function<T, Candidate> candidate,
            double percent, long seed) {
        long total = files.stream().mapToLong(f -> candidate.apply(f).size()).sum();
        long target = (long) Math.ceil(total * Math.min(percent, 100.0) / 100.0);
        List<T> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparingLong((T f) -> key(seed, candidate.apply(f).path()))
                .thenComparing(f -> candidate.apply(f).path()));
        List<T> chosen = new ArrayList<>();
        long bytes = 0;
        for (T file : ordered) {
            if (bytes >= target && !chosen.isEmpty()) {
                break;
            }
            chosen.add(file);
            bytes += candidate.apply(file).size();
        }
        return chosen;
    }

    /** A 64-bit key of the seed and the path: FNV-1a over the path's bytes, then a SplitMix64 finaliser. */
    static long key(long seed, String path) {
        long hash = 0xcbf29ce484222325L ^ seed;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash += 0x9e3779b97f4a7c15L;
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
