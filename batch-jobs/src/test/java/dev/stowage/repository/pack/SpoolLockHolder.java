package dev.stowage.repository.pack;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process holding a spool owner's lock, for {@link PackSpoolTest}: locks the file named by its
 * argument (creating it), prints {@code locked}, and holds the lock until its standard input closes.
 */
public final class SpoolLockHolder {

    private SpoolLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
        }
    }
}
