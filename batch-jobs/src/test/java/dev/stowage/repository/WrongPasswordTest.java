package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrongPasswordTest {

    @TempDir
    Path temp;

    @Test
    void openWithAWrongPasswordFailsClearlyAndChangesNothing() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", temp);
        try (Repository repository = TestRepositories.create(store)) {
            repository.documents().put("backups", "b1", new byte[] {1, 2, 3});
        }
        List<ObjectInfo> before = store.list("");

        assertThatThrownBy(() -> Repositories.open(store, "wrong".toCharArray(), RepositoryOptions.forTests()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("password");
        assertThat(store.list("")).isEqualTo(before);
    }

    @Test
    void openWhereNoRepositoryIsSaysSo() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", temp);

        assertThat(Repositories.exists(store)).isFalse();
        assertThatThrownBy(() -> TestRepositories.open(store)).isInstanceOf(RepositoryNotFoundException.class);
    }

    @Test
    void changedPasswordOpensAndTheOldOneNoLonger() {
        LocalFilesystemStore store = new LocalFilesystemStore("local", temp);
        try (Repository repository = TestRepositories.create(store)) {
            repository.documents().put("backups", "b1", new byte[] {7});
            repository.changePassword("new password".toCharArray());
        }

        try (Repository reopened = Repositories.open(store, "new password".toCharArray(),
                RepositoryOptions.forTests())) {
            assertThat(reopened.documents().get("backups", "b1")).hasValueSatisfying(
                    bytes -> assertThat(bytes).containsExactly(7));
        }
        assertThatThrownBy(() -> TestRepositories.open(store)).isInstanceOf(WrongPasswordException.class);
    }
}
