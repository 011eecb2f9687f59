package dev.stowage.repository.pack;

import dev.stowage.repository.crypto.CryptoProvider;
import java.nio.file.Path;

/** Test helper: another process starting a writer on a spool directory (its removeStale), then leaving. */
public final class SpoolCleanerProcess {

    private SpoolCleanerProcess() {
    }

    public static void main(String[] args) {
        PackSpool.open(Path.of(args[0]), CryptoProvider.get()).ifPresent(PackSpool::close);
        System.out.println("cleaned");
    }
}
