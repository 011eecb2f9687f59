package dev.stowage.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * An object store in a local directory: one file per object, {@code /} in keys mapped to
 * subdirectories.
 *
 * <p>Put is atomic: the bytes go to a temporary file beside the target (a hard link when the payload is a
 * whole file on the same filesystem, else a copy), are fsynced, then renamed over it, and the directory
 * holding it is fsynced too, so a crash leaves either the old object, the new one, or a stray temporary
 * file that listings ignore, and a put that returned survives a power loss (an index object never outlives
 * the pack it names). Writers of different keys never share a temporary file, so concurrent puts are safe.
 */
public final class LocalFilesystemStore implements ObjectStore {

    /** Temporary files carry this prefix; listings skip them. */
    static final String TEMP_PREFIX = ".tmp-";

    private final String location;
    private final Path root;
    private final boolean durable;
    private final DirectorySync directorySync;

    /** Makes a directory's entries (a rename, a new subdirectory) durable: fsync of the directory. */
    @FunctionalInterface
    interface DirectorySync {
        void sync(Path directory) throws IOException;
    }

    public LocalFilesystemStore(String location, Path root) {
        this(location, root, true);
    }

    /**
     * {@code durable = false} is the local cache: it skips the fsyncs, as its entries can always be fetched
     * again and thousands of small fsyncs would dominate a cold start, and it copies file payloads rather
     * than linking them, so that a cache entry never shares an inode with a repository's object (using an
     * entry sets its modification time, which maintenance would read as the object's age).
     */
    LocalFilesystemStore(String location, Path root, boolean durable) {
        this(location, root, durable, LocalFilesystemStore::fsyncDirectory);
    }

    LocalFilesystemStore(String location, Path root, boolean durable, DirectorySync directorySync) {
        this.location = location;
        this.root = root.toAbsolutePath().normalize();
        this.durable = durable;
        this.directorySync = directorySync;
    }

    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void put(String key, Payload payload) {
        Path target = resolve("put", key);
        Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        try {
            Path firstCreated = createDirectories(target.getParent());
            if (!(durable && payload instanceof Payload.FileRegion file && linked(file, temp))) {
                write(payload, temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (durable) {
                syncDirectories(target.getParent(), firstCreated);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failure("put", key, e);
        }
    }

    /** Creates the missing directories; returns the outermost one it created, or null when none was missing. */
    private static Path createDirectories(Path directory) throws IOException {
        Path firstMissing = null;
        for (Path d = directory; d != null && !Files.isDirectory(d); d = d.getParent()) {
            firstMissing = d;
        }
        Files.createDirectories(directory);
        return firstMissing;
    }

    /**
     * fsyncs the directory that now names the object, and each directory above it up to the parent of
     * the outermost one this put created, so the rename and the new directories' entries survive a power
     * loss as the file's bytes do.
     */
    private void syncDirectories(Path directory, Path firstCreated) throws IOException {
        Path stop = firstCreated == null ? directory : firstCreated.getParent();
        for (Path d = directory; d != null; d = d.getParent()) {
            directorySync.sync(d);
            if (d.equals(stop)) {
                return;
            }
        }
    }

    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Makes {@code temp} a second name of a whole spooled file on this filesystem, fsynced: no byte is
     * copied. The caller never writes to its file again ({@link Payload#ofFile}: only deleted) and only
     * removes its own name of it, so the object keeps the bytes. Durable stores only (not the cache).
     * False when the file cannot be linked here (another filesystem, links unsupported, a region of the
     * file): the bytes are then copied.
     */
    private boolean linked(Payload.FileRegion file, Path temp) throws IOException {
        try {
            if (!file.wholeFile()) {
                return false;
            }
            Files.createLink(temp, file.file());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ)) {
            channel.force(true);
        }
        return true;
    }

    /** Copies the payload into a new file, fsynced unless this store is a cache. */
    private void write(Payload payload, Path temp) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            if (payload instanceof Payload.Bytes bytes) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes.array(), bytes.offset(), bytes.count());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } else {
                copy((Payload.FileRegion) payload, channel);
            }
            if (durable) {
                channel.force(true);
            }
        }
    }

    /** Copies a file region in the kernel (no buffer in the heap); a source that ends early fails. */
    private static void copy(Payload.FileRegion region, FileChannel target) throws IOException {
        try (FileChannel source = FileChannel.open(region.file(), StandardOpenOption.READ)) {
            long copied = 0;
            while (copied < region.length()) {
                long moved = source.transferTo(region.offset() + copied, region.length() - copied, target);
                if (moved <= 0) {
                    throw new java.io.EOFException(region.file() + " ended " + (region.length() - copied)
                            + " bytes before the end of the payload");
                }
                copied += moved;
            }
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(resolve("get", key));
        } catch (IOException e) {
            throw failure("get", key, e);
        }
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new StoreException("get", key, location, StoreException.Reason.MISCONFIGURED,
                    "invalid range " + offset + "+" + length, null);
        }
        try (FileChannel channel = FileChannel.open(resolve("get", key), StandardOpenOption.READ)) {
            long available = Math.max(0, channel.size() - offset);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            if (buffer.hasRemaining()) {
                byte[] partial = new byte[buffer.position()];
                System.arraycopy(buffer.array(), 0, partial, 0, partial.length);
                return partial;
            }
            return buffer.array();
        } catch (IOException e) {
            throw failure("get", key, e);
        }
    }

    /** A positional read straight into the caller's array: no array per read. */
    @Override
    public int getRange(String key, long offset, int length, byte[] into) {
        if (offset < 0 || length < 0 || length > into.length) {
            throw new StoreException("get", key, location, StoreException.Reason.MISCONFIGURED,
                    "invalid range " + offset + "+" + length + " into an array of " + into.length, null);
        }
        try (FileChannel channel = FileChannel.open(resolve("get", key), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return buffer.position();
        } catch (IOException e) {
            throw failure("get", key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(resolve("stat", key), BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("stat", key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        List<ObjectInfo> result = new ArrayList<>();
        walk("list", prefix, (p, a) -> {
            if (!p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                result.add(new ObjectInfo(key(p), a.size(), a.lastModifiedTime().toInstant()));
            }
        });
        result.sort(Comparator.comparing(ObjectInfo::key));
        return result;
    }

    /** Temporary files a put left behind when its process died (they hold a partial object). */
    @Override
    public List<PendingUpload> pendingUploads(String prefix) {
        List<PendingUpload> result = new ArrayList<>();
        walk("list uploads under", prefix, (p, a) -> {
            if (p.getFileName().toString().startsWith(TEMP_PREFIX)) {
                result.add(new PendingUpload(key(p), p.getFileName().toString(), a.lastModifiedTime().toInstant()));
            }
        });
        result.sort(Comparator.comparing(PendingUpload::initiated));
        return result;
    }

    private String key(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Visits the regular files whose key starts with the prefix, temporary ones included. */
    private void walk(String operation, String prefix, BiConsumer<Path, BasicFileAttributes> visitor) {
        // Walk only the deepest directory the prefix names, not the whole store.
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : resolve(operation, prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return;
        }
        try {
            // walkFileTree rather than Files.walk: another writer's temporary file may be renamed away
            // between reading a directory and reading the entry's attributes, which must not fail a listing
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isRegularFile() && key(p).startsWith(prefix)) {
                        visitor.accept(p, a);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // deleted or renamed while listing: not part of the result
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw failure(operation, prefix, e);
        }
    }

    @Override
    public void abortUpload(PendingUpload upload) {
        try {
            Files.deleteIfExists(resolve("abort upload", upload.key()));
        } catch (IOException e) {
            throw failure("abort upload", upload.key(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve("delete", key));
        } catch (IOException e) {
            throw failure("delete", key, e);
        }
    }

    /** Opens an object for streaming reads (restore of large packs without a heap copy). */
    public InputStream open(String key) {
        try {
            return Files.newInputStream(resolve("get", key));
        } catch (IOException e) {
            throw failure("get", key, e);
        }
    }

    private Path resolve(String operation, String key) {
        if (key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
            throw new StoreException(operation, key, location, StoreException.Reason.MISCONFIGURED,
                    "invalid object key", null);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new StoreException(operation, key, location, StoreException.Reason.MISCONFIGURED,
                    "object key escapes the store directory", null);
        }
        return path;
    }

    private StoreException failure(String operation, String key, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ObjectNotFoundException(operation, key, location, e);
        }
        if (e instanceof AccessDeniedException) {
            return new PermissionDeniedException(operation, key, location, "access denied to " + e.getMessage(), e);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new StoreException(operation, key, location, StoreException.Reason.IO,
                    "a directory stands where the object belongs: " + e.getMessage(), e);
        }
        return new StoreException(operation, key, location, StoreException.Reason.IO, e.toString(), e);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the put already failed; a stray temporary file is skipped by listings
        }
    }
}
