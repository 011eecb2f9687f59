package dev.stowage.repository.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Describes a directory tree line by line (type, mode, owner, mtime, content hash), for comparing two. */
public final class TreeComparison {
    private static final String ATTRIBUTES = "unix:mode,uid,gid,lastModifiedTime";

    private TreeComparison() {
    }

    /** One line per entry below {@code root}, sorted by path; {@code root} itself is left out. */
    public static List<String> describe(Path root, boolean withOwner) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted().toList()) {
                if (path.equals(root)) {
                    continue;
                }
                Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) a.get("mode");
                StringBuilder line = new StringBuilder(root.relativize(path).toString()).append(' ')
                        .append(Integer.toOctalString(mode)).append(' ').append(a.get("lastModifiedTime"));
                if (withOwner) {
                    line.append(' ').append(a.get("uid")).append(':').append(a.get("gid"));
                }
                if (Files.isSymbolicLink(path)) {
                    line.append(" -> ").append(Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    line.append(" sha256:").append(sha256(Files.readAllBytes(path)));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    public static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
