package dev.stowage.kube.worker;

import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.credentials.CredentialsResolver;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.ObjectStoreFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The worker's entry point: {@code stowage worker backup|restore} in a worker Job's pod, or this class's
 * {@code main} directly. It reads its spec from {@value #SPEC_ENV} (JSON, see {@link WorkerSpec}) or
 * {@code --spec FILE}, opens the repository with the mounted password file, does the work, and writes
 * its result as the container's termination message ({@value #TERMINATION_ENV}, default
 * {@value #DEFAULT_TERMINATION_PATH}).
 *
 * <p>No Spring, no Kubernetes client, no JobRepository: a worker starts fast, and holds nothing beyond
 * the object-store credentials and the repository password. Exit status 0 when it ran to the end (the
 * result says how each volume went), 1 when it failed, 64 for a bad command line or spec.
 */
public final class WorkerMain {

    public static final String SPEC_ENV = "STOWAGE_WORKER_SPEC";
    public static final String TERMINATION_ENV = "STOWAGE_TERMINATION_MESSAGE_PATH";
    public static final String DEFAULT_TERMINATION_PATH = "/dev/termination-log";
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 64;

    private static final int MIB = 1024 * 1024;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final Clock clock;

    public WorkerMain(Map<String, String> environment, PrintStream out, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new WorkerMain(System.getenv(), System.out, Clock.systemUTC()).run(args));
    }

    /** @param args {@code backup|restore [--spec FILE] [--termination-message-path FILE]} */
    public int run(String... args) {
        WorkerLog log = new WorkerLog(out, clock, "");
        WorkerInvocation invocation;
        try {
            invocation = WorkerInvocation.parse(Arrays.asList(args), environment);
        } catch (IllegalArgumentException e) {
            log.info("stowage worker: " + e.getMessage());
            writeTermination(environment.getOrDefault(TERMINATION_ENV, DEFAULT_TERMINATION_PATH),
                    WorkerJson.write(WorkerResult.failure(e.getMessage(), List.of(), Map.of())), log);
            return EXIT_USAGE;
        }
        WorkerSpec spec = invocation.spec();
        WorkerLog partitionLog = new WorkerLog(out, clock, spec.partition() + ": ");
        partitionLog.info("stowage worker " + spec.operation().word() + " of " + spec.run() + ": "
                + spec.volumes().size() + " volume(s) to location " + spec.location().name());
        Outcome outcome = work(spec, partitionLog);
        writeTermination(invocation.terminationPath(), outcome.message(), partitionLog);
        return outcome.ok() ? EXIT_OK : EXIT_FAILED;
    }

    /** Does the work and returns the termination message; never throws. */
    private Outcome work(WorkerSpec spec, WorkerLog log) {
        List<VolumeResult> results = new ArrayList<>();
        LocationStore store = null;
        Repository repository = null;
        WorkerResult result;
        try {
            Path cache = spec.cacheDirectory() == null ? null : Path.of(spec.cacheDirectory());
            // the worker's own environment: an S3 location's keys may come as AWS_* variables from a Secret
            store = new ObjectStoreFactory().withCredentials(new CredentialsResolver(environment,
                    Path.of(System.getProperty("user.home")))).open(spec.location().toSpec(
                            cache == null ? null : cache.resolve("objects")));
            repository = Repositories.open(store, readPassword(Path.of(spec.passwordFile())),
                    options(spec, cache == null ? null : cache.resolve("engine")));
            ProgressReporter progress = new ProgressReporter(repository.documents(), spec.resultDocument(),
                    Duration.ofSeconds(spec.progressSeconds()), clock, log, spec.volumes().size());
            if (spec.operation() == WorkerOperation.BACKUP) {
                new VolumeBackupWorker(repository, spec, log, progress).run(results);
            } else {
                new VolumeRestoreWorker(repository, spec, log, progress).run(results);
            }
            result = new WorkerResult(WorkerSpec.VERSION, results, store.counts().toMap(), null);
            log.info("done: " + results.size() + " volume(s), " + store.counts().total() + " store requests");
        } catch (RuntimeException e) {
            String error = describe(e);
            log.info("failed: " + error);
            result = WorkerResult.failure(error, results, store == null ? Map.of() : store.counts().toMap());
        }
        try {
            return new Outcome(TerminationMessage.encode(result, spec.resultDocument(),
                    repository == null ? null : repository.documents()), result.ok());
        } catch (RuntimeException e) {
            log.info("unable to store the result: " + describe(e));
            return new Outcome(WorkerJson.write(WorkerResult.failure("unable to store the worker's result: "
                    + describe(e), List.of(), Map.of())), false);
        } finally {
            closeQuietly(repository, store);
        }
    }

    private record Outcome(String message, boolean ok) {
    }

    private static RepositoryOptions options(WorkerSpec spec, Path engineCache) {
        RepositoryOptions options = RepositoryOptions.defaults().withCacheDirectory(engineCache);
        WorkerLocation location = spec.location();
        if (location.packSizeMb() != null) {
            options = options.withPackTargetBytes(location.packSizeMb() * MIB);
        }
        if (location.maxParallelUploads() != null) {
            options = options.withMaxParallelUploads(location.maxParallelUploads());
        }
        return options;
    }

    /** The first line of the mounted password file. */
    static char[] readPassword(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unable to read the repository password file " + file + ": "
                    + e.getMessage() + " (is the password Secret mounted?)", e);
        }
        String line = content.lines().findFirst().orElse("");
        if (line.isEmpty()) {
            throw new IllegalStateException("the repository password file " + file + " is empty: put the password "
                    + "in the Secret's key");
        }
        return line.toCharArray();
    }

    private static void writeTermination(String path, String message, WorkerLog log) {
        try {
            Files.writeString(Path.of(path), message, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.info("unable to write the termination message to " + path + ": " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Repository repository, LocationStore store) {
        try {
            if (repository != null) {
                repository.close();
            }
        } catch (RuntimeException ignored) {
            // closing after the result is encoded: nothing left to report it to
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
