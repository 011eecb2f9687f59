package dev.stowage.perf.vsrestic;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * The benchmark's S3 server: S3Proxy on a free loopback port keeping every object as a file under a
 * directory (so a repository's size is the size of its bucket's directory), SigV4 credentials, and a
 * {@link CountingS3Proxy} in front that both tools are pointed at.
 */
final class S3Endpoint implements AutoCloseable {
    static final String ACCESS_KEY = "benchmark";
    static final String SECRET_KEY = "benchmark-secret";

    private final Path root;
    private final FilesystemNio2BlobStore blobStore;
    private final S3Proxy server;
    private final CountingS3Proxy proxy;

    private S3Endpoint(Path root) throws Exception {
        this.root = root;
        this.blobStore = new FilesystemNio2BlobStore(root.toString());
        this.server = S3Proxy.builder().blobStore(blobStore).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY).build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.sleep(10);
        }
        this.proxy = new CountingS3Proxy(URI.create("http://127.0.0.1:" + server.getPort()));
    }

    /** Starts S3Proxy on {@code root} (created, must be empty or hold earlier buckets) and the counting proxy. */
    static S3Endpoint start(Path root) throws Exception {
        Files.createDirectories(root);
        return new S3Endpoint(root);
    }

    /** Where clients connect: the counting proxy. */
    URI endpoint() {
        return proxy.endpoint();
    }

    CountingS3Proxy proxy() {
        return proxy;
    }

    void createBucket(String name) {
        blobStore.createContainer(name);
    }

    /**
     * Hard-links every object file of {@code bucket} under {@code directory}: S3Proxy writes each object
     * to a temporary file and moves it into place, so no later write changes a file the two share.
     */
    void linkBucketTo(String bucket, Path directory) throws IOException {
        linkTree(root.resolve(bucket), directory);
    }

    /** Empties {@code bucket} and fills it with the files saved by {@link #linkBucketTo}. */
    void replaceBucket(String bucket, Path saved) throws IOException {
        Path directory = root.resolve(bucket);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                TreeFiles.delete(entry);
            }
        }
        linkTree(saved, directory);
    }

    private static void linkTree(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(from)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            Path target = to.resolve(from.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(target);
            } else {
                Files.createLink(target, entry);
            }
        }
    }

    /** Bytes of the objects in {@code bucket}, read from the directory S3Proxy keeps them in. */
    long bucketBytes(String bucket) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve(bucket))) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Objects in {@code bucket}. */
    long bucketObjects(String bucket) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve(bucket))) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        server.stop();
    }
}
