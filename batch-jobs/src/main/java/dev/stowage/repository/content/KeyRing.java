package dev.stowage.repository.content;

import dev.stowage.repository.WrongPasswordException;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.KdfParams;
import dev.stowage.repository.crypto.KeyObject;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.store.ObjectInfo;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.ObjectStore;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The key objects of a repository ({@code keys/<64 hex random>}): writing one, and finding the one a
 * password opens. Only reads happen while unlocking, so a wrong password changes nothing.
 */
final class KeyRing {

    static final String PREFIX = "keys/";
    private static final System.Logger LOG = System.getLogger(KeyRing.class.getName());

    private KeyRing() {
    }

    /** A master key and the name of the key object it came from. */
    record Unlocked(String keyName, MasterKey masterKey) {
    }

    /** Stores a new key object wrapping {@code masterKey} under {@code password}; returns its name. */
    static String add(ObjectStore store, MasterKey masterKey, char[] password, KdfParams kdf, Instant now,
            CryptoProvider provider) {
        String name = PREFIX + HexFormat.of().formatHex(provider.randomBytes(32));
        store.put(name, KeyObject.create(masterKey, password, kdf, now, provider));
        return name;
    }

    /**
     * The first key object that {@code password} opens and whose master key {@code accepts} (opens the
     * config: a key left by an interrupted init opens nothing). The {@code preferred} key object, the
     * one that opened last time on this machine, is tried first and without a listing.
     *
     * @param preferred a key object's name, or null
     * @throws WrongPasswordException when there is none
     */
    static Unlocked unlock(ObjectStore store, char[] password, Supplier<CryptoProvider> provider, String preferred,
            Predicate<MasterKey> accepts) {
        if (preferred != null) {
            Optional<Unlocked> remembered = tryKey(store, preferred, password, provider, accepts);
            if (remembered.isPresent()) {
                return remembered.get();
            }
        }
        int tried = 0;
        int unreadable = 0;
        for (ObjectInfo info : store.list(PREFIX)) {
            KeyObject key;
            try {
                key = KeyObject.parse(store.get(info.key()));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping key object " + info.key() + ": " + e.getMessage());
                unreadable++;
                continue;
            }
            tried++;
            Optional<MasterKey> master = key.unlock(password, provider);
            if (master.isPresent() && accepts.test(master.get())) {
                return new Unlocked(info.key(), master.get());
            }
        }
        throw new WrongPasswordException("no key of the repository at location " + store.location()
                + " opens with this password (tried " + tried + " key object" + (tried == 1 ? "" : "s")
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : "") + "). Check that the password is"
                + " the one the repository was created or last changed with, and that the location points at"
                + " the right bucket and prefix; nothing was changed.");
    }

    /** The key object {@code name} when it exists and opens; empty otherwise (a hint gone stale). */
    private static Optional<Unlocked> tryKey(ObjectStore store, String name, char[] password,
            Supplier<CryptoProvider> provider, Predicate<MasterKey> accepts) {
        try {
            Optional<MasterKey> master = KeyObject.parse(store.get(name)).unlock(password, provider);
            return master.filter(accepts).map(key -> new Unlocked(name, key));
        } catch (ObjectNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
