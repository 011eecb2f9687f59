package dev.stowage.repository.index;

import dev.stowage.repository.cache.StateDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Index objects are deleted when another index covers their packs (a writer's checkpoints once its
 * final index is stored, the objects maintenance compacts) and when maintenance condemns what they
 * list. A record is therefore trusted for {@link #MAX_AGE} after the listing it came from: older, the
 * next open lists {@code index/} again, so a blob maintenance condemned is never deduplicated against
 * by a machine that opened later than {@code MAX_AGE} after the condemnation (docs/MAINTENANCE.md).
 */
public final class KnownIndexes {

    static final String FILE = "index-keys";
    /** How long a record is trusted after its listing; maintenance's safety margin must exceed it plus a run. */
    public static final Duration MAX_AGE = Duration.ofHours(6);
    private static final String LISTED = "# listed ";

    private final StateDirectory state;
    private final Clock clock;

    public KnownIndexes(StateDirectory state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public KnownIndexes(StateDirectory state) {
        this(state, Clock.systemUTC());
    }

    public static KnownIndexes none() {
        return new KnownIndexes(StateDirectory.none());
    }

    /**
     * The index keys recorded, or empty when there is no record (a cold cache) or its listing is older
     * than {@link #MAX_AGE} (a record written before this rule has no listing time, so it is too): list instead.
     */
    public Optional<Set<String>> read() {
        return state.read(FILE).filter(this::fresh).map(KnownIndexes::keys);
    }

    private static Set<String> keys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        text.lines().filter(IndexCodec::isIndexKey).forEach(keys::add);
        return keys;
    }

    private boolean fresh(String text) {
        String first = text.lines().findFirst().orElse("");
        if (!first.startsWith(LISTED)) {
            return false;
        }
        try {
            Instant listed = Instant.ofEpochSecond(Long.parseLong(first.substring(LISTED.length()).trim()));
            return !listed.plus(MAX_AGE).isBefore(clock.instant());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Records exactly these keys: what a listing just returned. */
    public void replace(Collection<String> keys) {
        write(clock.instant(), keys);
    }

    private void write(Instant listed, Collection<String> keys) {
        StringBuilder text = new StringBuilder(LISTED).append(listed.getEpochSecond()).append('\n');
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
        state.read(FILE).ifPresent(text -> {
            Set<String> keys = keys(text);
            if (keys.remove(key)) {
                String first = text.lines().findFirst().orElse("");
                Instant listed = first.startsWith(LISTED) ? parseOrEpoch(first.substring(LISTED.length()).trim())
                        : Instant.EPOCH;
                write(listed, keys); // keeps the time of the listing the record came from
            }
        });
    }

    private static Instant parseOrEpoch(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return Instant.EPOCH;
        }
    }
}
