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
 * Index objects are only ever deleted when another index covers their packs (a writer's checkpoints,
 * once its final index is stored), so a stale entry never makes a blob look stored when it is not.
 */
public final class KnownIndexes {

    static final String FILE = "index-keys";

    private final StateDirectory state;

    public KnownIndexes(StateDirectory state) {
        this.state = state;
    }

    public static KnownIndexes none() {
        return new KnownIndexes(StateDirectory.none());
    }

    /** The index keys recorded, or empty when there is no record (a cold cache: list instead). */
    public Optional<Set<String>> read() {
        return state.read(FILE).map(text -> {
            Set<String> keys = new LinkedHashSet<>();
            text.lines().filter(IndexCodec::isIndexKey).forEach(keys::add);
            return keys;
        });
    }

    /** Records exactly these keys: what a listing just returned. */
    public void replace(Collection<String> keys) {
        StringBuilder text = new StringBuilder();
        keys.forEach(key -> text.append(key).append('\n'));
        state.write(FILE, text.toString());
    }

    /** Records one more key; without a complete record there is nothing to add to. */
    public void add(String key) {
        if (state.read(FILE).isPresent()) {
            state.append(FILE, key);
        }
    }

    /** Drops a key whose object was deleted. */
    public void remove(String key) {
        read().ifPresent(keys -> {
            if (keys.remove(key)) {
                replace(keys);
            }
        });
    }
}
