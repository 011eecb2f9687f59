package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.RepositoryNotFoundException;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.WrongPasswordException;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoresTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final RepositoryOptions OPTIONS = RepositoryOptions.forTests();

    @TempDir
    Path root;

    private LocalFilesystemStore store() {
        return new LocalFilesystemStore("local", root);
    }

    @Test
    void initWritesOneKeyAndTheConfigAndNothingElse() {
        LocalFilesystemStore store = store();

        ContentStores.init(store, PASSWORD, OPTIONS).close();

        assertThat(store.list("")).extracting(ObjectInfo::key)
                .hasSize(2).contains("config").anyMatch(key -> key.matches("keys/[0-9a-f]{64}"));
        assertThat(ContentStores.exists(store)).isTrue();
    }

    @Test
    void configRecordsInitTimeParametersAndARandomId() {
        LocalFilesystemStore store = store();
        RepositoryConfig created;
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS)) {
            created = repo.config();
        }

        try (ContentStore reopened = ContentStores.open(store, PASSWORD, RepositoryOptions.defaults())) {
            assertThat(reopened.config()).isEqualTo(created);
        }
        assertThat(created.id()).matches("[0-9a-f]{64}");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.chunkAvgBytes()).isEqualTo(OPTIONS.chunkAvgBytes());
        assertThat(created.chunkMinBytes()).isEqualTo(OPTIONS.chunkMinBytes());
        assertThat(created.chunkMaxBytes()).isEqualTo(OPTIONS.chunkMaxBytes());
    }

    @Test
    void initOverAnExistingRepositoryIsRefused() {
        LocalFilesystemStore store = store();
        ContentStores.init(store, PASSWORD, OPTIONS).close();

        assertThatThrownBy(() -> ContentStores.init(store, PASSWORD, OPTIONS))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("already holds a repository");
    }

    @Test
    void openingAnEmptyLocationSaysThereIsNoRepository() {
        assertThatThrownBy(() -> ContentStores.open(store(), PASSWORD, OPTIONS))
                .isInstanceOf(RepositoryNotFoundException.class).hasMessageContaining("no repository at location local");
        assertThat(ContentStores.exists(store())).isFalse();
    }

    @Test
    void wrongPasswordFailsSayingWhatToCheckAndChangesNothing() {
        LocalFilesystemStore store = store();
        ContentStores.init(store, PASSWORD, OPTIONS).close();
        Map<String, String> before = snapshot(store);

        assertThatThrownBy(() -> ContentStores.open(store, "battery staple".toCharArray(), OPTIONS))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("opens with this password").hasMessageContaining("Check that the password");
        assertThat(snapshot(store)).isEqualTo(before);
    }

    @Test
    void passwordChangeRewritesOnlyTheKeyObjectAndTheOldPasswordStopsWorking() {
        LocalFilesystemStore store = store();
        BlobId id;
        byte[] blob = TestData.random(1, 1000);
        try (ContentStore repo = ContentStores.init(store, PASSWORD, OPTIONS);
                ContentWriter writer = repo.newWriter()) {
            id = repo.idOf(blob, 0, blob.length);
            writer.put(BlobType.DATA, id, blob, 0, blob.length);
            writer.finish();
        }
        Map<String, String> before = snapshot(store);

        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            repo.changePassword("new password".toCharArray());
        }

        Map<String, String> after = snapshot(store);
        Map<String, String> unchangedBefore = new TreeMap<>(before);
        Map<String, String> unchangedAfter = new TreeMap<>(after);
        unchangedBefore.keySet().removeIf(key -> key.startsWith("keys/"));
        unchangedAfter.keySet().removeIf(key -> key.startsWith("keys/"));
        assertThat(unchangedAfter).isEqualTo(unchangedBefore);
        assertThat(after.keySet()).filteredOn(key -> key.startsWith("keys/")).hasSize(1)
                .doesNotContainAnyElementsOf(before.keySet());
        assertThatThrownBy(() -> ContentStores.open(store, PASSWORD, OPTIONS))
                .isInstanceOf(WrongPasswordException.class);
        try (ContentStore repo = ContentStores.open(store, "new password".toCharArray(), OPTIONS)) {
            assertThat(repo.read(id)).isEqualTo(blob);
        }
    }

    @Test
    void strayKeyLeftByAnInterruptedInitDoesNotStopTheRepositoryFromOpening() {
        LocalFilesystemStore store = store();
        ContentStores.init(store, PASSWORD, OPTIONS).close();
        store.delete("config"); // as if the first init died between its key and its config
        ContentStores.init(store, PASSWORD, OPTIONS).close();

        try (ContentStore repo = ContentStores.open(store, PASSWORD, OPTIONS)) {
            assertThat(store.list("keys/")).hasSize(2);
            assertThat(repo.config().id()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void sealedDocumentOpensAndATamperedOneIsReportedByName() {
        try (ContentStore repo = ContentStores.init(store(), PASSWORD, OPTIONS)) {
            byte[] sealed = repo.seal("manifest".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(repo.open("snapshots/1", sealed), StandardCharsets.UTF_8)).isEqualTo("manifest");

            sealed[sealed.length - 1] ^= 1;
            assertThatThrownBy(() -> repo.open("snapshots/1", sealed)).isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining("snapshots/1");
        }
    }

    @Test
    void providerInUseIsExposed() {
        try (ContentStore repo = ContentStores.init(store(), PASSWORD, OPTIONS)) {
            assertThat(repo.cryptoProvider()).isNotBlank();
        }
    }

    /** Every object's key and content hash. */
    private static Map<String, String> snapshot(LocalFilesystemStore store) {
        Map<String, String> objects = new TreeMap<>();
        for (ObjectInfo info : store.list("")) {
            objects.put(info.key(), java.util.HexFormat.of().formatHex(sha256(store.get(info.key()))));
        }
        return objects;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
