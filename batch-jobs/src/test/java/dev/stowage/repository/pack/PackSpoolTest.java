package dev.stowage.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.crypto.CryptoProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which spool files a new spool removes: those of owners that are gone, never those of live ones. */
class PackSpoolTest {

    private final CryptoProvider provider = CryptoProvider.get();

    @TempDir
    Path directory;

    @Test
    void packsOfAnOwnerWhoseLockIsFreeAreRemovedWithItsLockWhenTheNextSpoolOpens() throws Exception {
        String dead = UUID.randomUUID().toString();
        Path lock = Files.createFile(directory.resolve(dead + ".lock")); // a crashed process's lock: released
        Path pack = Files.write(directory.resolve(dead + "-1.pack"), new byte[1000]);

        try (PackSpool spool = PackSpool.open(directory, provider).orElseThrow()) {
            assertThat(pack).doesNotExist();
            assertThat(lock).doesNotExist();
        }
    }

    @Test
    void packsWhoseOwnerLeftNoLockFileAreRemoved() throws Exception {
        Path orphan = Files.write(directory.resolve(UUID.randomUUID() + "-7.pack"), new byte[10]);

        try (PackSpool spool = PackSpool.open(directory, provider).orElseThrow()) {
            assertThat(orphan).doesNotExist();
        }
    }

    @Test
    void packsOfAnotherSpoolOpenInThisProcessAreKept() {
        try (PackSpool first = PackSpool.open(directory, provider).orElseThrow()) {
            PackOutput output = first.newOutput();
            output.write(new byte[100], 0, 100);

            try (PackSpool second = PackSpool.open(directory, provider).orElseThrow()) {
                second.removeStale();

                assertThat(first.openFiles()).isOne();
                assertThat(spoolFiles()).hasSize(1);
            }
            output.release();
        }
    }

    @Test
    void packsOfAnOwnerLockedByAnotherProcessAreKeptUntilThatProcessEnds() throws Exception {
        String other = UUID.randomUUID().toString();
        Path pack = Files.write(directory.resolve(other + "-1.pack"), new byte[10]);
        Process holder = startLockHolder(directory.resolve(other + ".lock"));
        try (PackSpool spool = PackSpool.open(directory, provider).orElseThrow()) {
            assertThat(pack).exists();

            holder.getOutputStream().close();
            holder.waitFor();
            spool.removeStale();

            assertThat(pack).doesNotExist();
        } finally {
            holder.destroy();
        }
    }

    @Test
    void closingASpoolRemovesItsFilesAndItsLock() throws Exception {
        PackSpool spool = PackSpool.open(directory, provider).orElseThrow();
        spool.newOutput().write(new byte[10], 0, 10);

        spool.close();

        try (var entries = Files.list(directory)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void anUnwritableDirectoryGivesNoSpool() throws Exception {
        Path file = Files.createFile(directory.resolve("not-a-directory"));

        assertThat(PackSpool.open(file.resolve("spool"), provider)).isEmpty();
    }

    private List<Path> spoolFiles() {
        try (var entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".pack")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A second JVM that locks {@code lock} as a live spool owner does; returns once it holds the lock. */
    private static Process startLockHolder(Path lock) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolLockHolder.class.getName(), lock.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("lock holder's first line").isEqualTo("locked");
        return process;
    }
}
