package dev.stowage.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A one-node k3s cluster and a MinIO server on one Docker network, started through the Testcontainers
 * k3s and MinIO modules, with the Stowage image (built by {@code mvn -Pimage}) imported into k3s's
 * containerd, so pods run it with {@code imagePullPolicy: Never}. Pods reach MinIO at its address on the
 * shared network; the test process reaches both through mapped ports.
 */
final class K3sCluster implements AutoCloseable {

    /** k3s 1.30: the chart's CronJobs set time zones (1.27+). Override with -De2e.k3s.image=... */
    static final String K3S_IMAGE = System.getProperty("e2e.k3s.image", "rancher/k3s:v1.30.6-k3s1");
    static final String MINIO_IMAGE = System.getProperty("e2e.minio.image", "minio/minio:RELEASE.2023-09-04T19-57-37Z");
    static final String BUCKET = "stowage-e2e";
    private static final String IMAGE_TAR = "/tmp/stowage-image.tar";

    private final Network network;
    private final MinIOContainer minio;
    private final K3sContainer k3s;
    private final KubernetesClient client;

    private K3sCluster(Network network, MinIOContainer minio, K3sContainer k3s) {
        this.network = network;
        this.minio = minio;
        this.k3s = k3s;
        this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build();
    }

    /** Starts MinIO and k3s, creates the bucket, imports {@code image} and waits for the node and storage. */
    static K3sCluster start(String image) throws Exception {
        requireLocalImage(image);
        Network network = Network.newNetwork();
        MinIOContainer minio = new MinIOContainer(MINIO_IMAGE).withNetwork(network);
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE)).withNetwork(network);
        K3sCluster cluster = null;
        try {
            minio.start();
            k3s.start();
            cluster = new K3sCluster(network, minio, k3s);
            try (S3Client s3 = cluster.s3()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            cluster.importImage(image);
            cluster.awaitNodeAndStorage();
            return cluster;
        } catch (Exception | Error e) {
            if (cluster != null) {
                cluster.client.close();
            }
            k3s.stop();
            minio.stop();
            network.close();
            throw e;
        }
    }

    private static void requireLocalImage(String image) {
        DockerClient docker = DockerClientFactory.instance().client();
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new IllegalStateException("image " + image + " is not in the local Docker engine: build it with "
                    + "`mvn -B -Pimage -pl launcher -am package` (or run the suite with -Pimage,e2e)", e);
        }
    }

    /** docker save, copied into the k3s container, imported into the namespace the kubelet uses. */
    private void importImage(String image) throws IOException, InterruptedException {
        Path tar = Files.createTempFile("stowage-image", ".tar");
        try {
            try (InputStream saved = DockerClientFactory.instance().client().saveImageCmd(image).exec()) {
                Files.copy(saved, tar, StandardCopyOption.REPLACE_EXISTING);
            }
            k3s.copyFileToContainer(MountableFile.forHostPath(tar), IMAGE_TAR);
            ExecResult imported = k3s.execInContainer("ctr", "--address", "/run/k3s/containerd/containerd.sock",
                    "--namespace", "k8s.io", "images", "import", IMAGE_TAR);
            if (imported.getExitCode() != 0) {
                throw new IllegalStateException("unable to import image " + image + " into k3s: "
                        + imported.getStderr() + imported.getStdout());
            }
            k3s.execInContainer("rm", "-f", IMAGE_TAR);
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /** The node is Ready and k3s's local-path provisioner has its storage class. */
    private void awaitNodeAndStorage() {
        client.nodes().withName(nodeName()).waitUntilCondition(node -> node != null && node.getStatus()
                .getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")),
                3, TimeUnit.MINUTES);
        client.storage().v1().storageClasses().withName("local-path")
                .waitUntilCondition(Objects::nonNull, 3, TimeUnit.MINUTES);
    }

    String nodeName() {
        return client.nodes().list().getItems().get(0).getMetadata().getName();
    }

    String kubeConfigYaml() {
        return k3s.getKubeConfigYaml();
    }

    KubernetesClient client() {
        return client;
    }

    /** MinIO's endpoint as pods see it: its address on the shared network. */
    String minioEndpointForPods() {
        String address = minio.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next()
                .getIpAddress();
        return "http://" + address + ":9000";
    }

    String minioUser() {
        return minio.getUserName();
    }

    String minioPassword() {
        return minio.getPassword();
    }

    /** An S3 client for the test process (path-style, no flexible checksums: see STACK.md). */
    S3Client s3() {
        return S3Client.builder().endpointOverride(URI.create(minio.getS3URL())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(minio.getUserName(), minio.getPassword())))
                .build();
    }

    /** Objects in the bucket under {@code prefix} ({@code data/}, {@code index/}): key → size in bytes. */
    Map<String, Long> objects(String prefix) {
        try (S3Client s3 = s3()) {
            Map<String, Long> objects = new HashMap<>();
            s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()
                    .forEach(o -> objects.put(o.key(), o.size()));
            return objects;
        }
    }

    static Duration timeout() {
        return Duration.ofMinutes(Long.getLong("e2e.timeout-minutes", 10));
    }

    @Override
    public void close() {
        client.close();
        k3s.stop();
        minio.stop();
        network.close();
    }
}
