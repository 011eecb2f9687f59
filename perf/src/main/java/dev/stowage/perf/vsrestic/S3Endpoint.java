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
     * Makes {@code copy} a new bucket holding the objects of {@code original}, as hard links: S3Proxy
     * writes every object to a temporary file and moves it into place, so no later write can change a
     * file both buckets share.
     */
    void copyBucket(String original, String copy) throws IOException {
        createBucket(copy);
        Path from = root.resolve(original);
        Path to = root.resolve(copy);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(from)) {
            entries = walk.filter(p -> !p.equals(from)).toList();
        }
        for (Path entry : entries) {
            Path target = to.resolve(from.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
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
