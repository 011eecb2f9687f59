package dev.stowage.jobs.volumes;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.location.Location;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.kube.volumes.WorkerJobSettings;
import dev.stowage.kube.volumes.WorkerJobs;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The two Kubernetes partition handlers (backup workers per node, restore workers per claim), made on
 * first use from the launcher's configuration ({@code stowage.kubernetes.*}): the workers' namespace,
 * image (the launcher pod's own unless set), owner (the launcher's Job), templates and Secrets.
 */
public final class NodeJobHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(NodeJobHandlers.class);

    private final Supplier<KubernetesClient> clients;
    private final JobRepository jobRepository;
    private final KubernetesProperties cluster;
    private final Locations locations;
    private final OpenRepositories repositories;
    private final Clock clock;
    private KubernetesPartitionHandler backup;
    private KubernetesPartitionHandler restore;

    public NodeJobHandlers(Supplier<KubernetesClient> clients, JobRepository jobRepository,
            KubernetesProperties cluster, Locations locations, OpenRepositories repositories, Clock clock) {
        this.clients = clients;
        this.jobRepository = jobRepository;
        this.cluster = cluster;
        this.locations = locations;
        this.repositories = repositories;
        this.clock = clock;
    }

    public synchronized KubernetesPartitionHandler backup() {
        if (backup == null) {
            KubernetesClient client = clients.get();
            WorkerJobSettings settings = settings(client);
            Job template = WorkerJobs.template(cluster.jobTemplates(), WorkerOperation.BACKUP);
            backup = new KubernetesPartitionHandler(client, jobRepository,
                    new NodeBackupPartitions(template, settings, this::location, this::document), options());
        }
        return backup;
    }

    public synchronized KubernetesPartitionHandler restore() {
        if (restore == null) {
            KubernetesClient client = clients.get();
            WorkerJobSettings settings = settings(client);
            Job template = WorkerJobs.template(cluster.jobTemplates(), WorkerOperation.RESTORE);
            restore = new KubernetesPartitionHandler(client, jobRepository,
                    new ClaimRestorePartitions(client, template, settings, this::location, this::document), options());
        }
        return restore;
    }

    private NodeJobOptions options() {
        return new NodeJobOptions(cluster.maxConcurrentNodeJobs(), cluster.partitionTimeout(), cluster.nodeLostAfter(),
                cluster.pollInterval(), clock);
    }

    WorkerJobSettings settings(KubernetesClient client) {
        KubernetesProperties k = cluster;
        String namespace = k.namespace();
        KubernetesProperties.WorkerCredentials credentials = k.workerCredentials();
        return new WorkerJobSettings(namespace, image(client, namespace), null, k.podsRoot(), k.cacheHostPath(),
                k.passwordSecret() == null ? null : new WorkerJobSettings.SecretKey(k.passwordSecret(), k.passwordSecretKey()),
                credentials.secret() == null ? null : new WorkerJobSettings.CredentialsSecret(credentials.secret(),
                        credentials.key(), credentials.accessKeyIdKey(), credentials.secretAccessKeyKey()),
                null, k.partitionTimeout(), k.tolerateAllTaints(), null, k.progressInterval(), owner(client, namespace));
    }

    /** The workers' image: as configured, else the launcher pod's own (same image, `stowage worker`), else the template's. */
    private String image(KubernetesClient client, String namespace) {
        KubernetesProperties k = cluster;
        if (k.workerImage() != null || k.podName() == null) {
            return k.workerImage();
        }
        try {
            Pod self = client.pods().inNamespace(namespace).withName(k.podName()).get();
            return self == null ? null : self.getSpec().getContainers().get(0).getImage();
        } catch (KubernetesClientException e) {
            LOG.warn("unable to read the launcher's own pod {} for its image ({}): workers use the template's image",
                    k.podName(), e.getMessage());
            return null;
        }
    }

    private WorkerJobSettings.OwnerJob owner(KubernetesClient client, String namespace) {
        String jobName = cluster.jobName();
        if (jobName == null) {
            return null;
        }
        try {
            Job self = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
            return self == null ? null : new WorkerJobSettings.OwnerJob(jobName, self.getMetadata().getUid());
        } catch (KubernetesClientException e) {
            LOG.warn("unable to read the launcher's own Job {} ({}): its workers get no owner", jobName, e.getMessage());
            return null;
        }
    }

    /**
     * The run's location as its workers open it: every setting the launcher's has, but the launcher's own
     * cache directory (each worker caches in its node's). Secrets stay files or Secret references: which
     * ones a worker Job mounts is {@link WorkerJobs}' part.
     */
    private WorkerLocation location(StepExecution step) {
        Location location = locations.get(step.getJobParameters().getString(RunParameters.LOCATION));
        return WorkerLocation.of(location.spec());
    }

    private java.util.Optional<byte[]> document(StepExecution manager, String collection, String name) {
        String location = manager.getJobParameters().getString(RunParameters.LOCATION);
        return repositories.get(location, false).repository().documents().get(collection, name);
    }
}
