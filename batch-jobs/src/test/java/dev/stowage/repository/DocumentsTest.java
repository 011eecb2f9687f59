package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentsTest {

    @TempDir
    Path temp;

    @Test
    void putReplacesTheWholeDocument() {
        try (Repository repository = TestRepositories.create(temp)) {
            Documents documents = repository.documents();
            documents.put("backups", "daily-1", "first version, long".getBytes());

            documents.put("backups", "daily-1", "second".getBytes());

            assertThat(documents.get("backups", "daily-1")).hasValueSatisfying(
                    bytes -> assertThat(new String(bytes)).isEqualTo("second"));
        }
    }

    @Test
    void listsNamesOfOneCollectionSortedAndForgetsDeletedOnes() {
        try (Repository repository = TestRepositories.create(temp)) {
            Documents documents = repository.documents();
            documents.put("backups", "weekly-2", new byte[] {1});
            documents.put("backups", "daily-1", new byte[] {2});
            documents.put("restores", "r-1", new byte[] {3});
            documents.delete("backups", "weekly-2");

            assertThat(documents.list("backups")).containsExactly("daily-1");
            assertThat(documents.get("backups", "weekly-2")).isEmpty();
        }
    }

    @Test
    void refusesADocumentMovedToAnotherName() throws Exception {
        LocalFilesystemStore store = new LocalFilesystemStore("local", temp);
        try (Repository repository = TestRepositories.create(store)) {
            repository.documents().put("backups", "a", "secret plan".getBytes());
            store.put("documents/backups/b", store.get("documents/backups/a"));

            assertThatThrownBy(() -> repository.documents().get("backups", "b"))
                    .isInstanceOf(CorruptDataException.class).hasMessageContaining("another name");
        }
    }

    @Test
    void refusesNamesThatWouldChangeTheObjectKey() {
        try (Repository repository = TestRepositories.create(temp)) {
            assertThatThrownBy(() -> repository.documents().put("backups", "../config", new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> repository.documents().put("a/b", "x", new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
