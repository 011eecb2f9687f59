package dev.stowage.repository.index;

import dev.stowage.repository.cache.StateDirectory;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The index objects this machine knows the repository holds, kept in the repository's state directory
 * so that opening it again needs no listing of {@code index/} (a class C request on B2 per 1,000
 * index objects, on every run).
 *
 * <p>The record is complete right after a listing ({@link #replace}); each index object this machine
 * writes is appended ({@link #add}). Index objects other writers stored since are missing from it,
 * which is harmless: a blob they hold is stored again by a backup here (a duplicate maintenance can
 * drop), and a read that finds a blob in no known index lists {@code index/} and loads the new ones.
 *
 * <p>Maintenance, though, removes index objects and condemns entries, and a warm cache may still hold a
 * removed object whose entries writers must no longer deduplicate against. So the record carries the
 * repository's maintenance generation read (from the config, before the listing) when it was made, and
 * is trusted only by an open that reads that same generation, and only when it is even (no index
 * rewrite was under way). Any other generation means: list {@code index/} once (docs/MAINTENANCE.md).
 * Without maintenance the record is trusted however old it is.
 *
 * <p>An index object this machine writes is recorded as <em>pending</em> before it is stored
 * ({@link #addPending}) and confirmed after ({@link #add}): a process killed between the store and the
 * record would otherwise leave a stored checkpoint this machine never loads again (its next open trusts
 * the record and does not list), and the restarted backup would upload everything it covers again. A
 * pending key whose object is missing is only a store that never happened, unlike a confirmed one
 * (deleted by its writer's finish or by maintenance), so an open drops it without listing. Pending keys
 * are this machine's own writes, like appended ones: they do not touch the generation argument.
 */
public final class KnownIndexes {

    static final String FILE = "index-keys";
    private static final String GENERATION = "# generation ";
    /** Marks a key recorded before its object was stored; builds that predate it skip the line. */
    private static final String PENDING = "? ";

    private final StateDirectory state;
    private final long generation;

    /** @param generation the maintenance generation the config held when the repository was opened */
    public KnownIndexes(StateDirectory state, long generation) {
        this.state = state;
        this.generation = generation;
    }

    public static KnownIndexes none() {
        return new KnownIndexes(StateDirectory.none(), 1); // odd: never trusted, and nothing is kept anyway
    }

    /**
     * The index keys recorded, or empty when they must be listed instead: no record (a cold cache), a
     * record of another maintenance generation (or of none: written by a build from before generations),
     * or an odd generation (maintenance is rewriting the index, or died doing it).
     */
    public Optional<Set<String>> read() {
        if (generation % 2 != 0) {
            return Optional.empty();
        }
        return state.read(FILE).filter(text -> generation == recordedGeneration(text))
                .map(text -> union(keys(text), pendingKeys(text)));
    }

    /** The keys recorded as about to be stored and never confirmed: a missing one was never stored. */
    public Set<String> pending() {
        return state.read(FILE).map(KnownIndexes::pendingKeys).orElse(Set.of());
    }

    /** Every key of the record, trusted or not, pending or not: what a cache may hold copies of. */
    public Set<String> recorded() {
        return state.read(FILE).map(text -> union(keys(text), pendingKeys(text))).orElse(Set.of());
    }

    private static Set<String> keys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        text.lines().filter(IndexCodec::isIndexKey).forEach(keys::add);
        return keys;
    }

    /** Pending lines whose key was not confirmed since (a confirmation is the key's plain line). */
    private static Set<String> pendingKeys(String text) {
        Set<String> pending = new LinkedHashSet<>();
        text.lines().filter(line -> line.startsWith(PENDING)).map(line -> line.substring(PENDING.length()))
                .filter(IndexCodec::isIndexKey).forEach(pending::add);
        pending.removeAll(keys(text));
        return pending;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** The generation on the record's first line; -1 (matching none) when it has none. */
    private static long recordedGeneration(String text) {
        String first = text.lines().findFirst().orElse("");
        if (!first.startsWith(GENERATION)) {
            return -1;
        }
        try {
            return Long.parseLong(first.substring(GENERATION.length()).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Records exactly these keys, as listed under this open's generation. Pending keys the listing does
     * not show stay pending: their store may still be under way on another thread of this process.
     */
    public void replace(Collection<String> keys) {
        Set<String> pending = new LinkedHashSet<>(pending());
        pending.removeAll(keys);
        write(generation, keys, pending);
    }

    private void write(long recordGeneration, Collection<String> keys, Collection<String> pending) {
        StringBuilder text = new StringBuilder(GENERATION).append(recordGeneration).append('\n');
        keys.forEach(key -> text.append(key).append('\n'));
        pending.forEach(key -> text.append(PENDING).append(key).append('\n'));
        state.write(FILE, text.toString());
    }

    /** Records, before it is stored, a key this process is about to store; see {@link #add}. */
    public void addPending(String key) {
        if (state.read(FILE).isPresent()) {
            state.append(FILE, PENDING + key);
        }
    }

    /**
     * Records one more key (confirming it when it was pending); without a complete record there is
     * nothing to add to.
     */
    public void add(String key) {
        if (state.read(FILE).isPresent()) {
            state.append(FILE, key);
        }
    }

    /** Drops a key whose object was deleted; the record keeps the generation of the listing it came from. */
    public void remove(String key) {
        state.read(FILE).ifPresent(text -> {
            Set<String> keys = keys(text);
            Set<String> pending = pendingKeys(text);
            if (keys.remove(key) | pending.remove(key)) {
                write(recordedGeneration(text), keys, pending);
            }
        });
    }
}
