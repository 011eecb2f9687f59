package dev.stowage.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.crypto.CryptoProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second spool opened in the same JVM through another path to the same directory (a symlink) must know the
 * first spool's lock file as live: opening and closing it would drop this process's POSIX lock, and another
 * process's cleaner would then take the first spool's live packs for dead ones.
 */
class SpoolPathAliasTest {

    private final CryptoProvider provider = CryptoProvider.get();

    @TempDir
    Path base;

    @Test
    void aSpoolOpenedThroughAnotherPathToTheSameDirectoryLeavesTheFirstSpoolsLivePacksAlone() throws Exception {
        Path real = Files.createDirectories(base.resolve("cache").resolve("spool"));
        Path alias = Files.createSymbolicLink(base.resolve("alias"), real);
        PackSpool first = PackSpool.open(real, provider).orElseThrow();
        SpooledPackOutput live = (SpooledPackOutput) first.newOutput();
        live.write(new byte[16], 0, 16);
        PackSpool second = PackSpool.open(alias, provider).orElseThrow();

        runCleanerInAnotherProcess(real);

        assertThat(live.file()).exists();
        second.close();
        first.close();
    }

    private static void runCleanerInAnotherProcess(Path directory) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolCleanerProcess.class.getName(), directory.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
