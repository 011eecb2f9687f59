package dev.stowage.repository.snapshot;

/**
 * The POSIX attributes a tree entry keeps, as {@code lstat} reports them.
 *
 * @param mode permission bits with setuid, setgid and sticky ({@code st_mode & 07777})
 */
public record FileAttributes(int mode, long uid, long gid, long mtimeNanos, long ctimeNanos, long inode,
        long device, long size) {

    /** Attributes for content that never lived on a disk (in-memory snapshot files and directories). */
    public static FileAttributes synthetic(int mode, long timeNanos, long size) {
        return new FileAttributes(mode, 0, 0, timeNanos, timeNanos, 0, 0, size);
    }
}
