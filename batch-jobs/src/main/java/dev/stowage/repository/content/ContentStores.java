package dev.stowage.repository.content;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryNotFoundException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.chunk.FastCdc;
import dev.stowage.repository.crypto.AuthenticationException;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.KdfParams;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.ObjectStore;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Creates and opens the content layer of a repository in an object store. */
public final class ContentStores {

    private ContentStores() {
    }

    /**
     * Creates a repository: a random master key wrapped under {@code password} in a key object, then the
     * config object. Fails with {@link RepositoryException} when the store already holds one.
     */
    public static ContentStore init(ObjectStore store, char[] password, RepositoryOptions options) {
        if (exists(store)) {
            throw new RepositoryException("location " + store.location() + " already holds a repository (its "
                    + "config object exists); open it instead, or init in an empty bucket or prefix");
        }
        FastCdc chunker = new FastCdc(options.chunkMinBytes(), options.chunkAvgBytes(), options.chunkMaxBytes());
        CryptoProvider provider = CryptoProvider.get();
        KdfParams kdf = KdfParams.withRandomSalt(options.kdfMemoryKiB(), options.kdfIterations(),
                options.kdfParallelism(), provider);
        MasterKey masterKey = MasterKey.generate(provider);
        RepositoryConfig config = new RepositoryConfig(
                HexFormat.of().formatHex(provider.randomBytes(ConfigObject.ID_BYTES)), ConfigObject.FORMAT_VERSION,
                chunker.min(), chunker.avg(), chunker.max());
        // key first: a crash in between leaves a stray key and no config, which is still "no repository"
        String keyName = KeyRing.add(store, masterKey, password, kdf, options.clock().instant(), provider);
        byte[] sealedConfig = ConfigObject.seal(config, 0, masterKey.aead(provider));
        store.put(ConfigObject.KEY, sealedConfig);
        KeyHint hint = KeyHint.of(options.cacheDirectory(), sealedConfig);
        hint.remember(keyName);
        RepositoryContentStore content = new RepositoryContentStore(store, options, config, 0, provider,
                masterKey, keyName, hint);
        content.openEmptyIndex();
        return content;
    }

    /**
     * Opens a repository and loads its index; {@link RepositoryNotFoundException} when there is none,
     * {@link dev.stowage.repository.WrongPasswordException} when no key opens with the password. Reads only
     * the store. On a machine that opened it before (a cache directory in {@code options}), the only
     * request is for the config: the key and the index objects it knows come from the store's cache.
     */
    public static ContentStore open(ObjectStore store, char[] password, RepositoryOptions options) {
        // Choosing the provider (loading and self-testing a native library from a signed jar) takes about
        // as long as deriving the password's key in a fresh process: on a second core, it costs no time.
        CompletableFuture<CryptoProvider> choosing = new CompletableFuture<>();
        Thread chooser = new Thread(() -> {
            try {
                choosing.complete(CryptoProvider.get());
            } catch (Throwable e) {
                choosing.completeExceptionally(e);
            }
        }, "stowage-crypto-provider");
        chooser.setDaemon(true);
        chooser.start();
        Supplier<CryptoProvider> chosen = () -> chosen(choosing);
        byte[] sealedConfig;
        try {
            sealedConfig = store.get(ConfigObject.KEY);
        } catch (ObjectNotFoundException e) {
            throw new RepositoryNotFoundException("no repository at location " + store.location()
                    + ": it has no config object. Check the bucket and prefix, or init a repository there first");
        }
        AtomicReference<ConfigObject.Opened> config = new AtomicReference<>();
        KeyHint hint = KeyHint.of(options.cacheDirectory(), sealedConfig);
        KeyRing.Unlocked unlocked = KeyRing.unlock(store, password, chosen, hint.keyName(), masterKey -> {
            try {
                config.set(ConfigObject.open(sealedConfig, masterKey.aead(chosen.get())));
                return true;
            } catch (AuthenticationException e) {
                return false;
            } catch (IllegalArgumentException e) {
                throw new CorruptDataException(ConfigObject.KEY, "config object at location " + store.location()
                        + ": " + e.getMessage(), e);
            }
        });
        RepositoryContentStore content = new RepositoryContentStore(store, options, config.get().config(),
                config.get().generation(), chosen.get(), unlocked.masterKey(), unlocked.keyName(), hint);
        hint.remember(unlocked.keyName());
        try {
            content.openIndex();
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
        return content;
    }

    private static CryptoProvider chosen(CompletableFuture<CryptoProvider> choosing) {
        try {
            return choosing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Whether the store holds a repository (its config object exists). */
    public static boolean exists(ObjectStore store) {
        return store.stat(ConfigObject.KEY).isPresent();
    }
}
