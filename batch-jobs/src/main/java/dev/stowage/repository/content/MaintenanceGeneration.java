package dev.stowage.repository.content;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.AuthenticationException;
import dev.stowage.store.ObjectStore;

/**
 * The maintenance generation in the config object: how a machine with a warm cache learns, from the one
 * read every run makes anyway (the uncached {@code config}), that maintenance removed index objects it
 * may still hold copies of, so it lists {@code index/} once instead of on a timer.
 *
 * <p>It works like a sequence lock. Before maintenance removes or replaces any index object or condemns
 * any entry, it makes the generation odd ({@link #begin}); once every removal is done, even again and
 * higher ({@link #end}). A machine records the generation it read before its listing of {@code index/} and
 * trusts that record later only while the config still holds that same even value. A single bump
 * before the removals would not do: a machine that listed between the bump and the removals would
 * record the new value together with objects about to disappear, and trust them for ever. A
 * maintenance that dies inside the window leaves the generation odd: every run lists {@code index/}
 * (one class C request) until the next maintenance finishes, which costs requests, never data.
 *
 * <p>Every write reads the config again first and only ever raises the value, so two maintenance runs
 * racing for the lease still leave a value no machine recorded during either window.
 */
final class MaintenanceGeneration {

    private final ObjectStore store;
    private final Aead aead;
    private final RepositoryConfig config;

    MaintenanceGeneration(ObjectStore store, Aead aead, RepositoryConfig config) {
        this.store = store;
        this.aead = aead;
        this.config = config;
    }

    /** Whether no index rewrite is under way at {@code generation}: only then may a record be trusted. */
    static boolean settled(long generation) {
        return generation % 2 == 0;
    }

    /** Makes the generation odd (a rewrite is under way); returns the value written. */
    long begin() {
        return advanceTo(false);
    }

    /** Makes the generation even again, above every value written so far; returns it. */
    long end() {
        return advanceTo(true);
    }

    private long advanceTo(boolean settled) {
        long next = current() + 1;
        if (settled(next) != settled) {
            next++;
        }
        store.put(ConfigObject.KEY, ConfigObject.seal(config, next, aead));
        return next;
    }

    /** The generation the stored config holds now (another process may have raised it; config is never cached). */
    long current() {
        byte[] sealed = store.get(ConfigObject.KEY);
        ConfigObject.Opened opened;
        try {
            opened = ConfigObject.open(sealed, aead);
        } catch (AuthenticationException | IllegalArgumentException e) {
            throw new CorruptDataException(ConfigObject.KEY, "config object at location " + store.location()
                    + " no longer opens with this repository's key: " + e.getMessage()
                    + "; stop and check what replaced it before running maintenance again", e);
        }
        if (!opened.config().id().equals(config.id())) {
            throw new RepositoryException("location " + store.location() + " now holds repository "
                    + opened.config().id() + ", not " + config.id() + " that this run opened; nothing was changed");
        }
        return opened.generation();
    }
}
