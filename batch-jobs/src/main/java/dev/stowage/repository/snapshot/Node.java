package dev.stowage.repository.snapshot;

import dev.stowage.repository.content.BlobId;
import java.util.List;

/**
 * One entry of a directory as a snapshot records it.
 *
 * @param name       the entry's name in its directory (one path segment)
 * @param type       file, directory or symlink
 * @param mode       permission bits including setuid, setgid and sticky ({@code st_mode & 07777})
 * @param uid        owner user id
 * @param gid        owner group id
 * @param mtimeNanos modification time, nanoseconds since the epoch
 * @param ctimeNanos status-change time, nanoseconds since the epoch (restored by nobody; used to
 *                   tell an unchanged file)
 * @param inode      inode number when read
 * @param device     device number when read
 * @param size       size in bytes as read ({@code st_size})
 * @param linkTarget a symlink's target, else null
 * @param content    a file's chunks in order, else empty
 * @param subtree    a directory's tree blob, else null
 */
public record Node(String name, NodeType type, int mode, long uid, long gid, long mtimeNanos, long ctimeNanos,
        long inode, long device, long size, String linkTarget, List<BlobRef> content, BlobId subtree) {

    public Node {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public static Node file(String name, FileAttributes a, List<BlobRef> content) {
        return new Node(name, NodeType.FILE, a.mode(), a.uid(), a.gid(), a.mtimeNanos(), a.ctimeNanos(),
                a.inode(), a.device(), a.size(), null, content, null);
    }

    public static Node directory(String name, FileAttributes a, BlobId subtree) {
        return new Node(name, NodeType.DIRECTORY, a.mode(), a.uid(), a.gid(), a.mtimeNanos(), a.ctimeNanos(),
                a.inode(), a.device(), a.size(), null, List.of(), subtree);
    }

    public static Node symlink(String name, FileAttributes a, String target) {
        return new Node(name, NodeType.SYMLINK, a.mode(), a.uid(), a.gid(), a.mtimeNanos(), a.ctimeNanos(),
                a.inode(), a.device(), a.size(), target, List.of(), null);
    }

    /** The attributes part of this entry, without name and content. */
    public FileAttributes attributes() {
        return new FileAttributes(mode, uid, gid, mtimeNanos, ctimeNanos, inode, device, size);
    }

    /** Whether a file on disk with these attributes may be taken to hold this entry's bytes unread. */
    public boolean unchangedAs(FileAttributes now) {
        return type == NodeType.FILE && size == now.size() && mtimeNanos == now.mtimeNanos()
                && ctimeNanos == now.ctimeNanos() && inode == now.inode();
    }
}
