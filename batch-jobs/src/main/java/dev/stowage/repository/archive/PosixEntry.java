package dev.stowage.repository.archive;

import dev.stowage.repository.snapshot.FileAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What {@code lstat} says about one directory entry. Reads exactly the {@code unix:} attributes a
 * tree keeps: asking for {@code unix:*} would also resolve owner and group names, a user-database
 * lookup per file that a walk of many small files cannot afford.
 */
record PosixEntry(Kind kind, FileAttributes attributes, int fileType) {
    private static final String ATTRIBUTES = "unix:mode,uid,gid,ino,dev,ctime,size,lastModifiedTime";
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    enum Kind { FILE, DIRECTORY, SYMLINK, OTHER }

    static PosixEntry read(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        Kind kind = switch (mode & S_IFMT) {
            case S_IFREG -> Kind.FILE;
            case S_IFDIR -> Kind.DIRECTORY;
            case S_IFLNK -> Kind.SYMLINK;
            default -> Kind.OTHER;
        };
        return new PosixEntry(kind, new FileAttributes(mode & 07777, Integer.toUnsignedLong((Integer) a.get("uid")),
                Integer.toUnsignedLong((Integer) a.get("gid")), nanos((FileTime) a.get("lastModifiedTime")),
                nanos((FileTime) a.get("ctime")), (Long) a.get("ino"), (Long) a.get("dev"), (Long) a.get("size")), mode & S_IFMT);
    }

    /** What kind of special file a mode is, for the warning that skips it. */
    String describeOther() {
        return switch (fileType) {
            case 0140000 -> "socket";
            case 0060000 -> "block device";
            case 0020000 -> "character device";
            case 0010000 -> "named pipe";
            default -> "special file of type " + Integer.toOctalString(fileType);
        };
    }

    static long nanos(FileTime time) {
        var instant = time.toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
