package dev.stowage.perf.vsrestic;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's S3 endpoint alone (S3Proxy on a directory, behind the counting proxy), for profiling
 * one command by hand: {@code ServeS3 DIR BUCKET} creates the bucket, writes the credentials file
 * {@code DIR/cloud}, prints the endpoint, and serves until killed.
 */
public final class ServeS3 {
    private ServeS3() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(root);
        Files.writeString(root.resolve("cloud"), "[default]\naws_access_key_id = " + S3Endpoint.ACCESS_KEY
                + "\naws_secret_access_key = " + S3Endpoint.SECRET_KEY + "\n");
        try (S3Endpoint s3 = S3Endpoint.start(root.resolve("s3"))) {
            if (args.length > 1) {
                s3.createBucket(args[1]);
            }
            System.out.println(s3.endpoint());
            Thread.currentThread().join();
        }
    }
}
