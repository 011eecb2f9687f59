package dev.stowage.jobs.volumes;

import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.StowageProperties;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.location.Location;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.kube.volumes.WorkerJobSettings;
import dev.stowage.kube.volumes.WorkerJobs;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.store.location.LocationSpec;
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
    private final StowageProperties properties;
    private final KubernetesProperties cluster;
    private final Locations locations;
    private final OpenRepositories repositories;
    private final Clock clock;
    private KubernetesPartitionHandler backup;
    private KubernetesPartitionHandler restore;

    public NodeJobHandlers(Supplier<KubernetesClient> clients, JobRepository jobRepository, StowageProperties properties,
            KubernetesProperties cluster, Locations locations, OpenRepositories repositories, Clock clock) {
        this.clients = clients;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.cluster = cluster;
        this.locations = locations;
        this.repositories = repositories;
        this.clock = clock;
    }

    public synchronized KubernetesPartitionHandler backup() {
        if (backup == null) {
            KubernetesClient client = clients.get();
            WorkerJobSettings settings = settings(client);
            Job template = WorkerJobs.template(properties.kubernetes().jobTemplates(), WorkerOperation.BACKUP);
            backup = new KubernetesPartitionHandler(client, jobRepository,
                    new NodeBackupPartitions(template, settings, this::location, this::document), options());
        }
        return backup;
    }

    public synchronized KubernetesPartitionHandler restore() {
        if (restore == null) {
            KubernetesClient client = clients.get();
            WorkerJobSettings settings = settings(client);
            Job template = WorkerJobs.template(properties.kubernetes().jobTemplates(), WorkerOperation.RESTORE);
            restore = new KubernetesPartitionHandler(client, jobRepository,
                    new ClaimRestorePartitions(client, template, settings, this::location, this::document), options());
        }
        return restore;
    }

    private NodeJobOptions options() {
        StowageProperties.Kubernetes k = properties.kubernetes();
        return new NodeJobOptions(k.maxConcurrentNodeJobs(), k.partitionTimeout(), k.nodeLostAfter(), k.pollInterval(),
                clock);
    }

    WorkerJobSettings settings(KubernetesClient client) {
        StowageProperties.Kubernetes k = properties.kubernetes();
        String namespace = cluster.namespace();
        return new WorkerJobSettings(namespace, image(client, namespace), null, k.podsRoot(), k.cacheHostPath(),
                k.passwordSecret() == null ? null : new WorkerJobSettings.SecretKey(k.passwordSecret(), k.passwordSecretKey()),
                k.credentialsSecret() == null ? null
                        : new WorkerJobSettings.SecretKey(k.credentialsSecret(), k.credentialsSecretKey()),
                null, k.partitionTimeout(), k.tolerateAllTaints(), null, k.progressInterval(), owner(client, namespace));
    }

    /** The workers' image: as configured, else the launcher pod's own (same image, `stowage worker`), else the template's. */
    private String image(KubernetesClient client, String namespace) {
        StowageProperties.Kubernetes k = properties.kubernetes();
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
        String jobName = properties.kubernetes().jobName();
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

    /** The run's location as its workers open it. */
    private WorkerLocation location(StepExecution step) {
        Location location = locations.get(step.getJobParameters().getString(RunParameters.LOCATION));
        LocationSpec settings = location.spec();
        if (settings.path() == null) {
            throw new IllegalStateException("location " + location.name() + " has no path: node workers reach only "
                    + "directory locations in this build");
        }
        return WorkerLocation.of(LocationSpec.builder(location.name()).path(settings.path())
                .packSizeMb(settings.packSizeMb()).maxParallelUploads(settings.maxParallelUploads()).build());
    }

    private java.util.Optional<byte[]> document(StepExecution manager, String collection, String name) {
        String location = manager.getJobParameters().getString(RunParameters.LOCATION);
        return repositories.get(location, false).repository().documents().get(collection, name);
    }
}
