package dev.stowage.repository.pack;

import dev.stowage.repository.RepositoryException;
import dev.stowage.repository.crypto.CryptoProvider;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local directory where packs are written as their blobs arrive and uploaded from (restic spools its
 * packs the same way), so that a writer's memory does not grow with the pack size or the uploads in
 * flight.
 *
 * <p>Several processes may share the directory (node workers on one host, CLI commands). Each open spool
 * is an <em>owner</em>: it holds an exclusive lock on {@code <owner>.lock} for as long as it is open and
 * names its packs {@code <owner>-<n>.pack}. A pack file whose owner's lock can be taken, or whose owner
 * has no lock file, belongs to a process that died: {@link #removeStale} deletes it. Spool files are
 * never read back by a later run: the data they held was either uploaded under its pack's name (and is
 * reused from the index the run checkpointed) or is read and stored again.
 *
 * <p>POSIX locks belong to the process and any close of the file drops them, so a spool never opens the
 * lock file of another owner in this JVM: those are known here ({@link #LIVE_LOCKS}) and skipped.
 */
public final class PackSpool implements AutoCloseable {

    static final String PACK_SUFFIX = ".pack";
    static final String LOCK_SUFFIX = ".lock";
    private static final System.Logger LOG = System.getLogger(PackSpool.class.getName());
    /**
     * Lock files of the spools open in this JVM, named by {@link #liveKey}: the directory's identity on its
     * filesystem, so that spools opened through different paths to one directory (a symlink, a bind mount)
     * still know each other's lock files.
     */
    private static final Set<String> LIVE_LOCKS = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final String directoryKey;
    private final CryptoProvider provider;
    private final String owner;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<SpooledPackOutput> open = ConcurrentHashMap.newKeySet();

    private PackSpool(Path directory, String directoryKey, CryptoProvider provider, String owner, Path lockFile,
            FileChannel lockChannel) {
        this.directory = directory;
        this.directoryKey = directoryKey;
        this.provider = provider;
        this.owner = owner;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens the spool in {@code directory} (created when missing), takes its owner lock, and removes what
     * dead owners left; empty, with a warning, when the directory is not usable (read-only, another
     * filesystem's permissions): the caller then keeps packs in memory.
     */
    public static Optional<PackSpool> open(Path directory, CryptoProvider provider) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            // an alias of a directory another spool of this JVM uses would otherwise reopen (and, closing
            // it, unlock) a live lock file of this process: spools name the directory by its identity
            absolute = Files.createDirectories(absolute).toRealPath();
            String directoryKey = identityOf(absolute);
            for (int attempt = 1; attempt <= 3; attempt++) {
                String owner = UUID.randomUUID().toString();
                Path lockFile = absolute.resolve(owner + LOCK_SUFFIX);
                LIVE_LOCKS.add(liveKey(directoryKey, lockFile));
                FileChannel channel = lock(lockFile);
                if (channel != null) {
                    PackSpool spool = new PackSpool(absolute, directoryKey, provider, owner, lockFile, channel);
                    spool.removeStale();
                    return Optional.of(spool);
                }
                LIVE_LOCKS.remove(liveKey(directoryKey, lockFile));
            }
            throw new IOException("another process kept removing the new lock files");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to use " + absolute + " as the spool directory for packs,"
                    + " keeping packs in memory instead (a larger heap is needed): " + e);
            return Optional.empty();
        }
    }

    /** The directory's file key (device and inode) where the filesystem has one, else its real path. */
    private static String identityOf(Path realDirectory) throws IOException {
        Object fileKey = Files.readAttributes(realDirectory, BasicFileAttributes.class).fileKey();
        return fileKey != null ? fileKey.toString() : realDirectory.toString();
    }

    private static String liveKey(String directoryKey, Path lockFile) {
        return directoryKey + "/" + lockFile.getFileName();
    }

    /**
     * Creates and locks a lock file; null when a cleaner of another process took it between the two (it
     * saw an unlocked lock file, which is what a dead owner leaves) and removed it.
     */
    private static FileChannel lock(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
            if (Files.exists(lockFile)) {
                return channel;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
        channel.close();
        return null;
    }

    public Path directory() {
        return directory;
    }

    /** A new, empty spool file for one pack. */
    public PackOutput newOutput() {
        Path file = directory.resolve(owner + "-" + sequence.incrementAndGet() + PACK_SUFFIX);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RepositoryException("unable to create a spool file for a pack in " + directory + ": " + e
                    + "; check that the location's cache directory is writable and has space", e);
        }
        SpooledPackOutput output = new SpooledPackOutput(this, file, channel, provider.sha256());
        open.add(output);
        return output;
    }

    void released(SpooledPackOutput output) {
        open.remove(output);
    }

    /** Spool files held by this spool now (written or being uploaded). */
    public int openFiles() {
        return open.size();
    }

    /**
     * Deletes the pack files of owners that are gone (their process died before removing them) and their
     * lock files; returns how many pack files went.
     */
    public int removeStale() {
        List<Path> locks = new ArrayList<>();
        List<Path> packs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(LOCK_SUFFIX)) {
                    locks.add(entry);
                } else if (name.endsWith(PACK_SUFFIX)) {
                    packs.add(entry);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to list the spool directory " + directory + ": " + e);
            return 0;
        }
        int removed = 0;
        for (Path lock : locks) {
            if (!LIVE_LOCKS.contains(liveKey(directoryKey, lock))) {
                removed += removeIfOwnerDead(lock, packs);
            }
        }
        for (Path pack : packs) {
            Path ownerLock = directory.resolve(ownerOf(pack) + LOCK_SUFFIX);
            if (!LIVE_LOCKS.contains(liveKey(directoryKey, ownerLock)) && !Files.exists(ownerLock)
                    && deleteQuietly(pack)) {
                removed++; // its owner closed or was cleaned up already, so nobody writes it any more
            }
        }
        return removed;
    }

    /** Takes a lock file's lock: if that works its owner is dead, and its packs and the lock file go. */
    private int removeIfOwnerDead(Path lock, List<Path> packs) {
        String deadOwner = lock.getFileName().toString();
        deadOwner = deadOwner.substring(0, deadOwner.length() - LOCK_SUFFIX.length());
        int removed = 0;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return 0; // a live owner in another process
            }
            for (java.util.Iterator<Path> it = packs.iterator(); it.hasNext(); ) {
                Path pack = it.next();
                if (ownerOf(pack).equals(deadOwner)) {
                    it.remove();
                    if (deleteQuietly(pack)) {
                        removed++;
                    }
                }
            }
            Files.deleteIfExists(lock); // while still holding its lock, so no owner can be mid-creation
        } catch (NoSuchFileException | FileAlreadyExistsException | OverlappingFileLockException gone) {
            // removed by another cleaner meanwhile, or locked by this JVM
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "unable to check the spool lock " + lock + ": " + e);
        }
        return removed;
    }

    private static String ownerOf(Path pack) {
        String name = pack.getFileName().toString();
        int dash = name.lastIndexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "unable to remove the stale spool file " + file + ": " + e);
            return false;
        }
    }

    /** Removes this owner's remaining files and its lock: after this, its packs count as stale. */
    @Override
    public void close() {
        for (SpooledPackOutput output : List.copyOf(open)) {
            output.release();
        }
        try {
            Files.deleteIfExists(lockFile);
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "unable to remove the spool lock " + lockFile + ": " + e);
        } finally {
            LIVE_LOCKS.remove(liveKey(directoryKey, lockFile));
        }
    }

    @Override
    public String toString() {
        return "pack spool " + directory + " (owner " + owner + ")";
    }
}
