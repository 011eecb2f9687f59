package dev.stowage.jobs.volumes;

import dev.stowage.kube.testing.SimulatedKubelet;
import dev.stowage.kube.volumes.KubeletPaths;
import dev.stowage.kube.volumes.VolumePlan;
import dev.stowage.kube.volumes.WorkerJobSettings;
import dev.stowage.kube.volumes.WorkerJobs;
import dev.stowage.kube.worker.WorkerLocation;
import dev.stowage.kube.worker.WorkerOperation;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.location.LocationSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A launcher's half of a simulated cluster: a filesystem repository the workers reach as a shared host
 * path, the password Secret, a JDBC JobRepository in an H2 file (so a second "launcher" can take over
 * a run), and a backup job whose volume step is partitioned by node and run by the
 * {@link KubernetesPartitionHandler}.
 */
final class NodeBackupRig {

    static final String NAMESPACE = "stowage";
    static final String PASSWORD = "node jobs test password";

    final KubernetesClient client;
    final SimulatedKubelet kubelet;
    final Path repository;
    private final DataSource dataSource;
    private int packSizeMb = 16;
    JobRepository jobRepository;
    TaskExecutorJobOperator operator;

    NodeBackupRig(KubernetesClient client, SimulatedKubelet kubelet, Path temp) throws Exception {
        this.client = client;
        this.kubelet = kubelet;
        this.repository = Files.createDirectories(temp.resolve("repository"));
        kubelet.shareHostPath(repository);
        Repositories.init(new LocalFilesystemStore("local", repository), PASSWORD.toCharArray(),
                RepositoryOptions.forTests()).close();
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                .withName("stowage-repository").withNamespace(NAMESPACE).endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        DriverManagerDataSource source = new DriverManagerDataSource("jdbc:h2:file:" + temp.resolve("jobs/jobs")
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .execute(source);
        this.dataSource = source;
        newLauncher();
    }

    /** Pack size of the repository's writers (small packs make a worker checkpoint early). */
    NodeBackupRig packSizeMb(int size) {
        this.packSizeMb = size;
        return this;
    }

    /** A fresh JobRepository and JobOperator on the same database: a launcher started again. */
    void newLauncher() throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new JdbcTransactionManager(dataSource));
        factory.afterPropertiesSet();
        jobRepository = factory.getObject();
        operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.afterPropertiesSet();
    }

    KubernetesPartitionHandler handler(NodeJobOptions options) {
        return handler(options, jobRepository);
    }

    KubernetesPartitionHandler handler(NodeJobOptions options, JobRepository repositoryForHandler) {
        WorkerJobSettings settings = new WorkerJobSettings(NAMESPACE, "stowage:test", null, KubeletPaths.DEFAULT_ROOT,
                "/var/cache/stowage", new WorkerJobSettings.SecretKey("stowage-repository", "password"), null,
                Duration.ofHours(1), options.partitionTimeout(), false, null, Duration.ofSeconds(1), null);
        WorkerLocation location = WorkerLocation.of(LocationSpec.builder("local").path(repository)
                .packSizeMb(packSizeMb).build());
        NodeBackupPartitions partitions = new NodeBackupPartitions(WorkerJobs.template(null, WorkerOperation.BACKUP),
                settings, step -> location, (manager, collection, name) -> {
                    try (Repository repo = open()) {
                        return repo.documents().get(collection, name);
                    }
                });
        return new KubernetesPartitionHandler(client, repositoryForHandler, partitions, options);
    }

    /** A handler running restore workers, one per claim. */
    KubernetesPartitionHandler restoreHandler(NodeJobOptions options) {
        WorkerJobSettings settings = new WorkerJobSettings(NAMESPACE, "stowage:test", null, KubeletPaths.DEFAULT_ROOT,
                null, new WorkerJobSettings.SecretKey("stowage-repository", "password"), null, Duration.ofHours(1),
                options.partitionTimeout(), false, null, Duration.ofSeconds(1), null);
        WorkerLocation location = WorkerLocation.of(LocationSpec.builder("local").path(repository).build());
        ClaimRestorePartitions partitions = new ClaimRestorePartitions(client,
                WorkerJobs.template(null, WorkerOperation.RESTORE), settings, step -> location,
                (manager, collection, name) -> {
                    try (Repository repo = open()) {
                        return repo.documents().get(collection, name);
                    }
                });
        return new KubernetesPartitionHandler(client, jobRepository, partitions, options);
    }

    /** A job named {@code name} whose one step runs the partitions through the handler. */
    Job partitionedJob(String name, org.springframework.batch.core.partition.Partitioner partitioner,
            KubernetesPartitionHandler handler) {
        return new JobBuilder(name, jobRepository)
                .start(new StepBuilder("volumes", jobRepository).partitioner("volume", partitioner)
                        .partitionHandler(handler).build())
                .build();
    }

    Job backupJob(VolumePlan plan, KubernetesPartitionHandler handler) {
        return backupJob(plan, handler, jobRepository);
    }

    Job backupJob(VolumePlan plan, KubernetesPartitionHandler handler, JobRepository repositoryForJob) {
        return new JobBuilder("backup", repositoryForJob)
                .start(new StepBuilder("volumes", repositoryForJob).partitioner("volume", new NodePartitioner(plan))
                        .partitionHandler(handler).build())
                .build();
    }

    JobExecution run(Job job, String backup) throws Exception {
        return operator.start(job, new JobParametersBuilder().addString("name", backup).toJobParameters());
    }

    JobExecution restart(Job job, JobExecution failed) throws Exception {
        MapJobRegistry registry = new MapJobRegistry();
        registry.register(job);
        operator.setJobRegistry(registry);
        return operator.restart(jobRepository.getJobExecution(failed.getId()));
    }

    Repository open() {
        return Repositories.open(new LocalFilesystemStore("local", repository), PASSWORD.toCharArray(),
                RepositoryOptions.forTests());
    }
}
