package dev.stowage.perf.vsrestic;

import dev.stowage.repository.BackupRequest;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.RestoreRequest;
import dev.stowage.repository.RestoreResult;
import dev.stowage.repository.SnapshotInfo;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.repository.crypto.CryptoProvider;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationStore;
import dev.stowage.store.location.LocationType;
import dev.stowage.store.location.ObjectStoreFactory;
import dev.stowage.store.location.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Stowage engine as a command, for the side-by-side benchmark while the launcher cannot yet open
 * an S3 location: the same store stack ({@link ObjectStoreFactory}: S3 client, retries, upload limit,
 * the profile's cache), the same repository options, snapshot identity and parent choice as the
 * launcher's path backups ({@code PathVolumes}, {@code RepositoryAccess}), configured by the same
 * environment variables; without Spring, the JobRepository and the backup manifest.
 *
 * <pre>
 * EngineCli backup DIR        back up DIR (creating the repository when the location holds none)
 * EngineCli restore DIR TARGET  restore the latest snapshot of DIR into TARGET/&lt;last component of DIR&gt;
 * </pre>
 * Environment: {@code STOWAGE_HOME}, {@code STOWAGE_PASSWORD} and
 * {@code STOWAGE_LOCATIONS_BENCH_{ENDPOINT,BUCKET,REGION,CREDENTIALS_FILE,PROFILE}}.
 */
public final class EngineCli {
    private static final String PREFIX = "STOWAGE_LOCATIONS_BENCH_";
    private static final String HOST = "benchmark";

    private EngineCli() {
    }

    public static void main(String[] args) throws Exception {
        CryptoProvider.chooseInBackground(); // while the S3 client is built and the key is read
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.get("STOWAGE_HOME"));
        LocationSpec spec = location(env);
        Path source = Path.of(args[1]).toAbsolutePath().normalize();
        String identity = "path:" + HOST + ":" + source;
        RepositoryOptions options = RepositoryOptions.defaults()
                .withPackTargetBytes(spec.withDefaults().packSizeMb() * 1024 * 1024)
                .withMaxParallelUploads(spec.withDefaults().maxParallelUploads())
                .withCacheDirectory(home.resolve("cache").resolve(spec.name()));
        ObjectStoreFactory factory = new ObjectStoreFactory().withDefaultCacheRoot(home.resolve("store-cache"));
        char[] password = env.get("STOWAGE_PASSWORD").toCharArray();
        try (LocationStore store = factory.open(spec)) {
            boolean exists = Repositories.exists(store);
            if (!exists && !args[0].equals("backup")) {
                throw new IllegalStateException("no repository at " + spec.describe());
            }
            try (Repository repository = exists ? Repositories.open(store, password, options)
                    : Repositories.init(store, password, options)) {
                if (args[0].equals("backup")) {
                    backup(repository, source, identity);
                } else {
                    restore(repository, identity, Path.of(args[2]).resolve(source.getFileName().toString()));
                }
            }
            System.out.println("requests: " + store.counts().toMap());
        }
    }

    private static void backup(Repository repository, Path source, String identity) {
        String parent = repository.latestSnapshot(identity).map(SnapshotInfo::id).orElse(null);
        SnapshotSource snapshotSource = new SnapshotSource("path", identity, HOST,
                Map.of("volume", source.getFileName().toString()));
        BackupResult result = repository.backup(new BackupRequest(source, snapshotSource, parent, null));
        var s = result.stats();
        System.out.printf("snapshot %s (parent %s): %d files, %d unchanged, %,d bytes read, %,d new, %,d uploaded"
                        + " in %d packs, %d warnings%n", result.snapshotId(), parent, s.files(), s.filesUnchanged(),
                s.bytesRead(), s.bytesNew(), s.bytesUploaded(), s.packsUploaded(), result.warnings().size());
    }

    private static void restore(Repository repository, String identity, Path target) {
        String snapshot = repository.latestSnapshot(identity).map(SnapshotInfo::id)
                .orElseThrow(() -> new IllegalStateException("no snapshot of " + identity));
        RestoreResult result = repository.restore(RestoreRequest.all(snapshot, target));
        if (!result.ok()) {
            throw new IllegalStateException("restore reported errors: " + result.errors());
        }
        System.out.printf("restored %s: %d files, %,d bytes%n", snapshot, result.files(), result.bytes());
    }

    private static LocationSpec location(Map<String, String> env) {
        LocationSpec.Builder builder = LocationSpec.builder("bench").type(LocationType.S3)
                .endpoint(URI.create(env.get(PREFIX + "ENDPOINT"))).bucket(env.get(PREFIX + "BUCKET"))
                .region(env.getOrDefault(PREFIX + "REGION", "us-east-1"));
        if (env.containsKey(PREFIX + "CREDENTIALS_FILE")) {
            builder.credentials(CredentialsSpec.file(Path.of(env.get(PREFIX + "CREDENTIALS_FILE"))));
        }
        if (env.containsKey(PREFIX + "PROFILE")) {
            builder.profile(Profile.valueOf(env.get(PREFIX + "PROFILE").toUpperCase(Locale.ROOT)));
        }
        return builder.build();
    }
}
