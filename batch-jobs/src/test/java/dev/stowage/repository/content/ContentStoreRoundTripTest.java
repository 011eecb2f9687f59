package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreRoundTripTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path root;

    @Test
    void blobsWrittenByOneStoreAreReadByAnotherOpenedWithThePassword() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", root);
        byte[] text = TestData.compressible(1, 300_000);
        byte[] noise = TestData.random(2, 200_000);
        BlobId textId;
        BlobId noiseId;
        try (ContentStore repo = ContentStores.init(store, PASSWORD, RepositoryOptions.forTests())) {
            textId = repo.idOf(text, 0, text.length);
            noiseId = repo.idOf(noise, 0, noise.length);
            try (ContentWriter writer = repo.newWriter()) {
                writer.put(BlobType.DATA, textId, text, 0, text.length);
                writer.put(BlobType.TREE, noiseId, noise, 0, noise.length);
                writer.finish();
            }
        }

        try (ContentStore reopened = ContentStores.open(store, PASSWORD, RepositoryOptions.forTests())) {
            assertThat(reopened.read(textId)).isEqualTo(text);
            assertThat(reopened.read(noiseId)).isEqualTo(noise);
            assertThat(reopened.contains(textId)).isTrue();
        }
    }
}
