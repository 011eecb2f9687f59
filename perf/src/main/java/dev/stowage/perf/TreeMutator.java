package dev.stowage.perf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Changes a tree written by {@link MixedTreeGenerator} the way a day of use changes pod volumes, about
 * 5% of its bytes, the same way for the same seed: every log grows by 30%, a few 64 KiB regions
 * inside the database file are rewritten in place, 500 files are added (450 small ones, 50 JSON
 * documents) and 200 removed (150 small ones, 50 JSON documents); counts at scale 1.
 */
public final class TreeMutator {
    static final String DATABASE = "db/base/16384/2619";
    private static final int REGION_BYTES = 64 * MixedTreeGenerator.KIB;

    private final double scale;
    private final long seed;

    public TreeMutator(double scale, long seed) {
        this.scale = scale;
        this.seed = seed;
    }

    /** What one mutation did. */
    public record Summary(long bytesWritten, int filesAdded, int filesRemoved, int filesChanged) {
    }

    public Summary mutate(Path root) throws IOException {
        MixedTreeGenerator generator = new MixedTreeGenerator(scale, seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long written = 0;
        int changed = 0;
        for (Path log : sorted(root.resolve("app/logs"))) {
            long growth = Math.max(MixedTreeGenerator.KIB, Files.size(log) * 3 / 10);
            generator.appendLog(log, growth);
            written += growth;
            changed++;
        }
        written += rewriteDatabaseRegions(root.resolve(DATABASE), generator, random);
        changed++;

        List<Path> small = sorted(root.resolve("small"));
        List<Path> json = sorted(root.resolve("app/json"));
        int removed = remove(small, count(150), random) + remove(json, count(50), random);

        int added = 0;
        for (int i = 0; i < count(450); i++) {
            Path file = root.resolve("small/new-d" + (i / MixedTreeGenerator.SMALL_FILES_PER_DIRECTORY))
                    .resolve("n" + i + ".conf");
            generator.writeSmallFile(file);
            written += Files.size(file);
            added++;
        }
        for (int i = 0; i < count(50); i++) {
            generator.writeJson(root.resolve("app/json/doc-new/" + i + ".json"), MixedTreeGenerator.JSON_BYTES);
            written += MixedTreeGenerator.JSON_BYTES;
            added++;
        }
        return new Summary(written, added, removed, changed);
    }

    private int count(int atScaleOne) {
        return (int) Math.max(1, Math.round(atScaleOne * scale));
    }

    /** Rewrites a few page-aligned 64 KiB regions in place with new pages, keeping the file's size. */
    private long rewriteDatabaseRegions(Path file, MixedTreeGenerator generator, SplittableRandom random)
            throws IOException {
        long size = Files.size(file);
        long regions = Math.max(1, size / REGION_BYTES);
        byte[] page = new byte[8192];
        long written = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int r = 0; r < count(16); r++) {
                long offset = random.nextLong(regions) * REGION_BYTES;
                for (int p = 0; p < REGION_BYTES / page.length && offset + p * page.length < size; p++) {
                    long at = offset + (long) p * page.length;
                    generator.fillPage(page, at);
                    ByteBuffer buffer = ByteBuffer.wrap(page, 0, (int) Math.min(page.length, size - at));
                    while (buffer.hasRemaining()) {
                        channel.write(buffer, at + buffer.position());
                    }
                    written += page.length;
                }
            }
        }
        return written;
    }

    /** Removes {@code count} of {@code files}, chosen at random; returns how many. */
    private static int remove(List<Path> files, int count, SplittableRandom random) throws IOException {
        List<Path> left = new ArrayList<>(files);
        int removed = 0;
        while (removed < count && !left.isEmpty()) {
            Files.delete(left.remove(random.nextInt(left.size())));
            removed++;
        }
        return removed;
    }

    private static List<Path> sorted(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }
}
