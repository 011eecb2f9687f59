package dev.stowage.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.testing.CraftedSnapshots;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot crafted by someone with the password and bucket access must not write outside the target. */
class HostileSnapshotRestoreTest {
    private static final byte[] EVIL = "evil".getBytes();

    @TempDir
    Path temp;
    LocalFilesystemStore store;
    Path outside;
    Path target;

    @BeforeEach
    void prepare() throws Exception {
        store = new LocalFilesystemStore("local", temp.resolve("repo"));
        TestRepositories.create(store).close();
        outside = Files.createDirectories(temp.resolve("outside"));
        target = temp.resolve("sandbox/target");
    }

    @Test
    void refusesDotDotNames() throws Exception {
        String id;
        try (CraftedSnapshots crafted = new CraftedSnapshots(store, TestRepositories.PASSWORD)) {
            id = crafted.snapshot(crafted.file("..", EVIL), crafted.directory("..", crafted.file("x", EVIL)),
                    crafted.file(".", EVIL), crafted.file("ok.txt", "fine".getBytes()));
        }

        RestoreResult result = restore(id);

        assertThat(result.errors()).hasSize(3).allMatch(line -> line.contains("refused entry"));
        assertOnlyOkRestoredAndNothingOutside();
    }

    @Test
    void refusesNamesWithSlashesIncludingAbsoluteOnes() throws Exception {
        String id;
        try (CraftedSnapshots crafted = new CraftedSnapshots(store, TestRepositories.PASSWORD)) {
            id = crafted.snapshot(crafted.file("../../outside/x", EVIL), crafted.file("/tmp/evil", EVIL),
                    crafted.file("a/b", EVIL), crafted.file("", EVIL), crafted.file("nul\0", EVIL),
                    crafted.file("ok.txt", "fine".getBytes()));
        }

        RestoreResult result = restore(id);

        assertThat(result.errors()).hasSize(5).allMatch(line -> line.contains("refused entry"));
        assertOnlyOkRestoredAndNothingOutside();
    }

    @Test
    void refusesASymlinkAndADirectoryOfTheSameNameBeneathWhichFilesWouldGo() throws Exception {
        String id;
        try (CraftedSnapshots crafted = new CraftedSnapshots(store, TestRepositories.PASSWORD)) {
            id = crafted.snapshot(CraftedSnapshots.symlink("escape", outside.toString()),
                    crafted.directory("escape", crafted.file("pwned", EVIL)),
                    crafted.file("ok.txt", "fine".getBytes()));
        }

        RestoreResult result = restore(id);

        assertThat(result.errors()).hasSize(2).allMatch(line -> line.contains("appears 2 times"));
        assertOnlyOkRestoredAndNothingOutside();
    }

    @Test
    void neverWritesThroughASymlinkAlreadyInTheTarget() throws Exception {
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("data"), outside);
        String id;
        try (CraftedSnapshots crafted = new CraftedSnapshots(store, TestRepositories.PASSWORD)) {
            id = crafted.snapshot(crafted.directory("data", crafted.file("pwned", EVIL)),
                    crafted.file("ok.txt", "fine".getBytes()));
        }

        RestoreResult result = restore(id);

        assertThat(result.errors()).singleElement().asString().contains("data").contains("not a directory");
        assertThat(outside).isEmptyDirectory();
        assertThat(target.resolve("ok.txt")).hasContent("fine");
    }

    @Test
    void symlinkPointingOutsideIsRestoredAsALinkAndNothingGoesThroughIt() throws Exception {
        String id;
        try (CraftedSnapshots crafted = new CraftedSnapshots(store, TestRepositories.PASSWORD)) {
            id = crafted.snapshot(CraftedSnapshots.symlink("a", outside.toString()),
                    crafted.directory("b", crafted.file("inside", "fine".getBytes())));
        }

        RestoreResult result = restore(id);

        assertThat(result.errors()).isEmpty();
        assertThat(Files.readSymbolicLink(target.resolve("a"))).isEqualTo(outside);
        assertThat(target.resolve("b/inside")).hasContent("fine");
        assertThat(outside).isEmptyDirectory();
    }

    private RestoreResult restore(String id) {
        try (Repository repository = TestRepositories.open(store)) {
            return repository.restore(RestoreRequest.all(id, target));
        }
    }

    private void assertOnlyOkRestoredAndNothingOutside() throws Exception {
        try (Stream<Path> sandbox = Files.walk(temp.resolve("sandbox"))) {
            assertThat(sandbox.map(p -> temp.resolve("sandbox").relativize(p).toString()))
                    .containsExactlyInAnyOrder("", "target", "target/ok.txt");
        }
        assertThat(outside).isEmptyDirectory();
        try (Stream<Path> all = Files.list(temp)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("repo", "outside",
                    "sandbox");
        }
        try (Stream<Path> root = Files.list(Path.of("/tmp"))) {
            assertThat(root.map(p -> p.getFileName().toString())).doesNotContain("evil");
        }
    }
}
