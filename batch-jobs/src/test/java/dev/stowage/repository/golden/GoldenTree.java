package dev.stowage.repository.golden;

import dev.stowage.repository.testing.SampleTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/** What the golden repository holds; the generator backs this up and the test expects it back. */
final class GoldenTree {
    static final char[] PASSWORD = "golden repository password".toCharArray();
    static final Instant SNAPSHOT_TIME = Instant.parse("2024-05-01T03:00:00Z");
    static final String SOURCE_IDENTITY = "pvc:shop/data-postgres-0";
    static final String RESOURCES_IDENTITY = "resources:cluster";
    static final Map<String, String> RESOURCES = Map.of(
            "resources/apps/deployments/shop/web.json", "{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}",
            "resources/core/secrets/shop/db.json", "{\"kind\":\"Secret\",\"data\":{\"password\":\"c2VjcmV0\"}}");
    static final byte[] DOCUMENT = "{\"backup\":\"daily-20240501\",\"phase\":\"Completed\"}"
            .getBytes(StandardCharsets.UTF_8);

    private GoldenTree() {
    }

    /** Writes the tree: several-chunk and single-chunk files, empty file and directory, symlink, modes. */
    static void write(Path root) throws IOException {
        Random random = new Random(20240501);
        SampleTrees.write(root.resolve("base/16384/2619"), SampleTrees.bytes(random, 150_000));
        SampleTrees.write(root.resolve("base/16384/PG_VERSION"), "16\n".getBytes(StandardCharsets.UTF_8));
        SampleTrees.write(root.resolve("postgresql.conf"), "listen_addresses = '*'\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8));
        SampleTrees.write(root.resolve("empty"), new byte[0]);
        SampleTrees.write(root.resolve("ünïcødé ✓.txt"), "unicode".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(root.resolve("pg_tblspc"));
        Files.createSymbolicLink(root.resolve("current"), Path.of("base/16384"));
        SampleTrees.setMode(root.resolve("base/16384/2619"), 0600);
        SampleTrees.setMode(root.resolve("postgresql.conf"), 0644);
        SampleTrees.setMode(root.resolve("empty"), 0444);
        SampleTrees.setMode(root.resolve("ünïcødé ✓.txt"), 0640);
        SampleTrees.setMode(root.resolve("pg_tblspc"), 0700);
        SampleTrees.setMode(root.resolve("base/16384"), 0750);
        SampleTrees.setMode(root.resolve("base"), 02755);
        long seconds = 1_714_500_000L;
        for (String path : new String[] {"base/16384/2619", "base/16384/PG_VERSION", "postgresql.conf", "empty",
                "ünïcødé ✓.txt", "current", "pg_tblspc", "base/16384", "base"}) {
            Files.getFileAttributeView(root.resolve(path), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(Instant.ofEpochSecond(seconds++, path.equals("current") ? 0 : 123_456_789)),
                            null, null);
        }
    }
}
