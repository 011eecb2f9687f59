package dev.stowage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesystemStoreTest extends ObjectStoreContract {

    @TempDir
    Path directory;

    @Override
    protected ObjectStore newStore() {
        return new LocalFilesystemStore("local", directory);
    }

    @Override
    protected int largeObjectThreshold() {
        return 8 * 1024 * 1024;
    }

    @Test
    void aWholeFileOnTheSameFilesystemBecomesTheObjectWithoutACopy() throws IOException {
        Path file = Files.write(directory.resolve("spooled"), new byte[] {1, 2, 3});

        store.put("data/linked", Payload.ofFile(file, 3));

        assertThat(Files.isSameFile(file, directory.resolve("data/linked"))).isTrue();
    }

    @Test
    void aFilePayloadThatFailsHalfwayLeavesNeitherAnObjectNorATemporaryFile() throws IOException {
        Path file = Files.write(directory.resolve("short"), new byte[1000]);

        assertThatThrownBy(() -> store.put("data/partial", Payload.ofFile(file, 4000)))
                .isInstanceOf(StoreException.class).hasMessageContaining("data/partial");

        assertThat(store.stat("data/partial")).isEmpty();
        assertThat(store.pendingUploads("data/")).isEmpty();
    }

    @Test
    void listingSkipsTemporaryFilesOfUnfinishedPuts() throws IOException {
        store.put("data/done", new byte[1]);
        Files.write(directory.resolve("data").resolve(LocalFilesystemStore.TEMP_PREFIX + "crashed"), new byte[5]);

        assertThat(store.list("data/")).extracting(ObjectInfo::key).containsExactly("data/done");
    }

    @Test
    void listingWhileAnotherWriterPutsNeverFails() throws Exception {
        // several node workers write one directory location at once; their temporary files come and go
        // while others list, and a listing must not trip over one that was renamed away meanwhile
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                store.put("snapshots/" + i, new byte[1]);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            assertThat(store.list("snapshots/")).allSatisfy(info -> assertThat(info.key()).doesNotContain(".tmp-"));
        }
        writer.join();

        assertThat(store.list("snapshots/")).hasSize(500);
    }

    @Test
    void keysThatEscapeTheDirectoryAreRefused() {
        assertThatThrownBy(() -> store.put("../outside", new byte[1]))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.MISCONFIGURED));
        assertThat(directory.getParent().resolve("outside")).doesNotExist();
    }

    @Test
    void aTemporaryFileLeftByADeadPutIsAPendingUploadAndAbortingItRemovesOnlyIt() throws Exception {
        store.put("data/ab/abcdef", new byte[3]);
        Files.write(directory.resolve("data/ab/.tmp-left-behind"), new byte[5]);

        List<PendingUpload> pending = store.pendingUploads("data/");
        assertThat(pending).extracting(PendingUpload::key).containsExactly("data/ab/.tmp-left-behind");
        store.abortUpload(pending.get(0));

        assertThat(directory.resolve("data/ab/.tmp-left-behind")).doesNotExist();
        assertThat(store.get("data/ab/abcdef")).hasSize(3);
        assertThat(store.pendingUploads("")).isEmpty();
    }
}
