package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.crypto.Aead;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.repository.crypto.MasterKey;
import dev.stowage.repository.crypto.Purpose;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceGenerationTest {

    private static final RepositoryConfig CONFIG = new RepositoryConfig("ab".repeat(32), 1, 1024, 4096, 16384);

    @TempDir
    Path root;

    private LocalFilesystemStore store;
    private Aead aead;
    private MaintenanceGeneration generation;

    @BeforeEach
    void repositoryAtGenerationZero() {
        store = new LocalFilesystemStore("local", root);
        aead = MasterKey.generate(CryptoProvider.get()).aead(CryptoProvider.get());
        store.put(ConfigObject.KEY, ConfigObject.seal(CONFIG, 0, aead));
        generation = new MaintenanceGeneration(store, aead, CONFIG);
    }

    @Test
    void aRewriteWindowIsOddWhileOpenAndEvenAndHigherOnceClosed() {
        long open = generation.begin();
        long closed = generation.end();

        assertThat(open).isEqualTo(1);
        assertThat(MaintenanceGeneration.settled(open)).isFalse();
        assertThat(closed).isEqualTo(2);
        assertThat(ConfigObject.open(store.get(ConfigObject.KEY), aead).generation()).isEqualTo(2);
    }

    @Test
    void aWindowOpenedWhileAnotherIsOpenStillChangesTheValue() {
        // two maintenance runs that both believed they held the lease
        long first = generation.begin();
        long second = new MaintenanceGeneration(store, aead, CONFIG).begin();
        long firstClosed = generation.end();
        long secondClosed = new MaintenanceGeneration(store, aead, CONFIG).end();

        assertThat(second).isGreaterThan(first).matches(value -> !MaintenanceGeneration.settled(value));
        assertThat(secondClosed).isGreaterThan(firstClosed).matches(MaintenanceGeneration::settled);
    }

    @Test
    void rewritingTheConfigKeepsItsFixedParameters() {
        generation.begin();

        assertThat(ConfigObject.open(store.get(ConfigObject.KEY), aead).config()).isEqualTo(CONFIG);
    }

    @Test
    void aConfigWrittenBeforeGenerationsHasGenerationZero() {
        byte[] withGeneration = aead.open(Purpose.CONFIG, null, ConfigObject.seal(CONFIG, 0, aead));
        byte[] older = aead.seal(Purpose.CONFIG, null, Arrays.copyOf(withGeneration, withGeneration.length - 8));

        ConfigObject.Opened opened = ConfigObject.open(older, aead);

        assertThat(opened.generation()).isZero();
        assertThat(opened.config()).isEqualTo(CONFIG);
    }

    @Test
    void theFirstFortyEightBytesAreTheLayoutOlderReadersParse() {
        byte[] plaintext = aead.open(Purpose.CONFIG, null, ConfigObject.seal(CONFIG, 6, aead));

        assertThat(plaintext).hasSize(56);
        assertThat(ByteBuffer.wrap(plaintext, 44, 4).getInt()).isEqualTo(CONFIG.chunkMaxBytes());
        assertThat(ByteBuffer.wrap(plaintext, 48, 8).getLong()).isEqualTo(6);
    }
}
