package dev.stowage.perf;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.store.LocalFilesystemStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * End-to-end engine benchmark on a local filesystem store: generates the mixed tree (see
 * {@link MixedTreeGenerator}), backs it up, backs it up again unchanged (with the first snapshot as
 * parent), restores it, verifies the restored tree, and prints throughput, CPU and heap per phase.
 *
 * <pre>
 * java -Xmx1g -cp 'perf/target/classes:perf/target/lib/*' dev.stowage.perf.EngineBenchmark \
 *      [--scale=1.0] [--work=target/engine-benchmark] [--threads=0] [--level=3] [--reuse-source]
 * </pre>
 */
public final class EngineBenchmark {
    private static final char[] PASSWORD = "benchmark password".toCharArray();
    private static final SnapshotSource SOURCE = new SnapshotSource("path", "path:/benchmark", "bench", Map.of());

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(option(args, "scale", "1.0"));
        Path work = Path.of(option(args, "work", "target/engine-benchmark")).toAbsolutePath();
        int threads = Integer.parseInt(option(args, "threads", "0"));
        int level = Integer.parseInt(option(args, "level", Integer.toString(
                RepositoryOptions.defaults().compressionLevel())));
        Path source = work.resolve("source");
        prepareSource(source, scale, List.of(args).contains("--reuse-source"));
        deleteTree(work.resolve("repo"));
        deleteTree(work.resolve("restore"));

        RepositoryOptions options = tuned(RepositoryOptions.defaults(), threads, level);
        LocalFilesystemStore store = new LocalFilesystemStore("local", work.resolve("repo"));
        List<PhaseMeter.Result> results = new ArrayList<>();
        try (Repository repository = Repositories.init(store, PASSWORD, options)) {
            PhaseMeter meter = PhaseMeter.start();
            BackupResult first = repository.backup(new BackupRequest(source, SOURCE, null, null));
            results.add(meter.stop("backup (first)", first.stats().totalBytes()));
            report("first backup", first);

            meter = PhaseMeter.start();
            BackupResult second = repository.backup(new BackupRequest(source, SOURCE, first.snapshotId(), null));
            results.add(meter.stop("backup (unchanged)", second.stats().totalBytes()));
            report("unchanged backup", second);

            meter = PhaseMeter.start();
            RestoreResult restored = repository.restore(RestoreRequest.all(second.snapshotId(),
                    work.resolve("restore")));
            results.add(meter.stop("restore", restored.bytes()));
            if (!restored.ok()) {
                throw new IllegalStateException("restore reported errors: " + restored.errors());
            }
        }
        long entries = TreeVerifier.verify(source, work.resolve("restore"));
        print(results, scale, options, entries, store);
    }

    /** Generates the tree unless {@code reuse} and the one in place was generated at this scale. */
    private static void prepareSource(Path source, double scale, boolean reuse) throws IOException {
        Path marker = source.resolveSibling("source.scale"); // beside the tree: not part of the backup
        if (reuse && Files.exists(marker) && Files.readString(marker).equals(Double.toString(scale))) {
            return;
        }
        Files.deleteIfExists(marker);
        deleteTree(source);
        long start = System.nanoTime();
        new MixedTreeGenerator(scale, 20240501L).write(source);
        Files.writeString(marker, Double.toString(scale));
        System.out.printf("generated the tree at scale %s in %.1f s%n", scale, (System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, BackupResult result) {
        var s = result.stats();
        System.out.printf("%s: %d files, %d unchanged, %,d bytes read, %,d new, %,d uploaded in %d packs, "
                        + "%d warnings%n", what, s.files(), s.filesUnchanged(), s.bytesRead(), s.bytesNew(),
                s.bytesUploaded(), s.packsUploaded(), result.warnings().size());
    }

    private static void print(List<PhaseMeter.Result> results, double scale, RepositoryOptions options,
            long entries, LocalFilesystemStore store) throws IOException {
        long stored = 0;
        try (Stream<Path> files = Files.walk(store.root())) {
            stored = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("%nscale %s, %d cores, workerThreads %d (0: one per core), zstd level %d, JVM max heap"
                + " %d MiB%n", scale, Runtime.getRuntime().availableProcessors(), options.workerThreads(),
                options.compressionLevel(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-20s %14s %8s %8s %8s %9s %12s %9s %9s %11s%n", "phase", "bytes", "wall s", "MB/s",
                "CPU s", "core use", "MB/CPU-s*n", "live MiB", "peak MiB", "GCs (ms)");
        for (PhaseMeter.Result r : results) {
            System.out.printf("%-20s %,14d %8.2f %8.1f %8.2f %8.0f%% %12.1f %9d %9d %5d (%d)%n", r.name(), r.bytes(),
                    r.seconds(), r.megabytesPerSecond(), r.cpuSeconds(), 100 * r.coreUse(),
                    r.bytes() / 1e6 / r.cpuSeconds() * Runtime.getRuntime().availableProcessors(),
                    r.liveHeapBytes() >> 20, r.peakHeapBytes() >> 20, r.gcCount(), r.gcMillis());
        }
        System.out.println("MB/CPU-s*n: the rate if the process had all n cores to itself; live: most heap in use"
                + " after a collection; peak: sum of heap pool peaks, garbage included");
        System.out.printf("repository size %,d bytes; restored tree verified (%d entries identical)%n", stored,
                entries);
    }

    private static RepositoryOptions tuned(RepositoryOptions o, int threads, int level) {
        return new RepositoryOptions(o.chunkMinBytes(), o.chunkAvgBytes(), o.chunkMaxBytes(), o.kdfMemoryKiB(),
                o.kdfIterations(), o.kdfParallelism(), o.packTargetBytes(), level,
                o.maxParallelUploads(), threads, o.cacheDirectory(), o.clock());
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
