package dev.stowage.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes the benchmarks' tree, shaped like a few pod volumes, the same bytes for the same seed and
 * scale: text, JSON and logs that zstd compresses about 4:1; one database-like file of 8 KiB pages,
 * half random and half structure, about 2:1; incompressible media; and many files of 1 to 8 KiB.
 * At scale 1 (file counts and sizes in brackets):
 *
 * <pre>
 * app/logs/app-N.log              200 MiB  (20 × 10 MiB)
 * app/json/doc-K/N.json           200 MiB  (400 × 512 KiB)
 * app/text/chapter-N.txt          200 MiB  (200 × 1 MiB)
 * db/base/16384/2619                1 GiB  (one file)
 * media/video-N.mp4               300 MiB  (20 × 15 MiB)
 * small/dK/fN.conf                ~90 MiB  (20,000 × 1–8 KiB in 200 directories)
 * </pre>
 *
 * {@link TreeMutator} changes such a tree the way a day of use would, with the same building blocks.
 */
public final class MixedTreeGenerator {
    static final int KIB = 1024;
    static final int MIB = 1024 * 1024;
    static final long LOG_BYTES = 10L * MIB;
    static final long JSON_BYTES = 512L * KIB;
    static final int SMALL_FILES_PER_DIRECTORY = 100;
    private static final String[] WORDS = buildVocabulary();

    private final double scale;
    private final SplittableRandom random;

    public MixedTreeGenerator(double scale, long seed) {
        this.scale = scale;
        this.random = new SplittableRandom(seed);
    }

    public void write(Path root) throws IOException {
        writeTexts(root.resolve("app"), scaled(600L * MIB));
        writeDatabase(root.resolve(TreeMutator.DATABASE), scaled(1024L * MIB));
        writeRandom(root.resolve("media"), scaled(300L * MIB));
        writeSmallFiles(root.resolve("small"), (int) Math.max(1, Math.round(20_000 * scale)));
    }

    private long scaled(long bytes) {
        return Math.max(1, Math.round(bytes * scale));
    }

    /** Logs, JSON documents and text, a third of the bytes each. */
    private void writeTexts(Path directory, long total) throws IOException {
        long logs = total / 3;
        long json = total / 3;
        for (int i = 0; logs > 0; i++) {
            long size = Math.min(logs, LOG_BYTES);
            writeLog(directory.resolve("logs/app-" + i + ".log"), size);
            logs -= size;
        }
        for (int i = 0; json > 0; i++) {
            long size = Math.min(json, JSON_BYTES);
            writeJson(directory.resolve("json/doc-" + (i % 20) + "/" + i + ".json"), size);
            json -= size;
        }
        long text = total - total / 3 - total / 3;
        for (int i = 0; text > 0; i++) {
            long size = Math.min(text, MIB);
            writeWith(directory.resolve("text/chapter-" + i + ".txt"), size, false, this::sentence);
            text -= size;
        }
    }

    void writeLog(Path file, long size) throws IOException {
        writeWith(file, size, false, this::logLine);
    }

    /** Appends {@code bytes} of new log lines, as a running application does. */
    void appendLog(Path file, long bytes) throws IOException {
        writeWith(file, bytes, true, this::logLine);
    }

    void writeJson(Path file, long size) throws IOException {
        writeWith(file, size, false, this::jsonRecord);
    }

    /** A configuration-like file of 1 to 8 KiB. */
    void writeSmallFile(Path file) throws IOException {
        writeWith(file, KIB + random.nextInt(7 * KIB + 1), false, this::jsonRecord);
    }

    private void writeDatabase(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] page = new byte[8192];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += page.length) {
                fillPage(page, written);
                out.write(page, 0, (int) Math.min(page.length, size - written));
            }
        }
    }

    /** One database page at {@code offset}: half random (compressed rows), half tuples of small counters. */
    void fillPage(byte[] page, long offset) {
        fillRandom(page, 0, 4096);
        for (int i = 4096; i < page.length; i += 16) {
            long tuple = offset / 16 + i;
            for (int b = 0; b < 8; b++) {
                page[i + b] = (byte) (tuple >>> (8 * b));
            }
            for (int b = 8; b < 16; b++) {
                page[i + b] = 0;
            }
        }
    }

    private void writeRandom(Path directory, long total) throws IOException {
        Files.createDirectories(directory);
        byte[] buffer = new byte[MIB];
        for (int i = 0; total > 0; i++) {
            long size = Math.min(total, 15L * MIB);
            try (OutputStream out = Files.newOutputStream(directory.resolve("video-" + i + ".mp4"))) {
                for (long left = size; left > 0; left -= buffer.length) {
                    fillRandom(buffer, 0, buffer.length);
                    out.write(buffer, 0, (int) Math.min(buffer.length, left));
                }
            }
            total -= size;
        }
    }

    private void writeSmallFiles(Path directory, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            writeSmallFile(directory.resolve("d" + (i / SMALL_FILES_PER_DIRECTORY)).resolve("f" + i + ".conf"));
        }
    }

    private interface Line {
        void append(StringBuilder out);
    }

    private void writeWith(Path file, long size, boolean append, Line line) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream stream = append ? Files.newOutputStream(file, StandardOpenOption.APPEND)
                : Files.newOutputStream(file);
        try (OutputStream out = stream) {
            StringBuilder text = new StringBuilder(64 * KIB);
            long written = 0;
            while (written < size) {
                text.setLength(0);
                while (text.length() < 60 * KIB) {
                    line.append(text);
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                int length = (int) Math.min(bytes.length, size - written);
                out.write(bytes, 0, length);
                written += length;
            }
        }
    }

    private void logLine(StringBuilder out) {
        out.append("2024-05-").append(10 + random.nextInt(20)).append('T').append(random.nextInt(24)).append(':')
                .append(random.nextInt(60)).append(":00.").append(random.nextInt(10)).append("00Z ")
                .append(random.nextInt(10) < 8 ? "INFO " : "WARN ").append("[worker-").append(random.nextInt(16))
                .append("] request ").append(random.nextInt(64)).append(' ');
        sentence(out);
    }

    private void jsonRecord(StringBuilder out) {
        out.append("{\"id\":").append(random.nextInt(100_000)).append(",\"name\":\"")
                .append(WORDS[random.nextInt(256)]).append("\",\"tags\":[\"")
                .append(WORDS[random.nextInt(32)]).append("\",\"").append(WORDS[random.nextInt(32)])
                .append("\"],\"score\":").append(random.nextInt(10)).append(",\"note\":\"");
        sentence(out);
        out.setLength(out.length() - 1);
        out.append("\"}\n");
    }

    private void sentence(StringBuilder out) {
        int words = 6 + random.nextInt(10);
        for (int i = 0; i < words; i++) {
            // a skewed choice, as in real text: common words far more often than rare ones
            int index = (int) (WORDS.length * Math.pow(random.nextDouble(), 8));
            out.append(WORDS[index]).append(i == words - 1 ? ".\n" : " ");
        }
    }

    private void fillRandom(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i += 8) {
            long value = random.nextLong();
            for (int b = 0; b < 8 && i + b < to; b++) {
                buffer[i + b] = (byte) (value >>> (8 * b));
            }
        }
    }

    private static String[] buildVocabulary() {
        SplittableRandom words = new SplittableRandom(42);
        String[] vocabulary = new String[4096];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + words.nextInt(9);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + words.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
        return vocabulary;
    }
}
