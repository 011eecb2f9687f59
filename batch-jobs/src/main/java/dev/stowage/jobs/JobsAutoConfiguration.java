package dev.stowage.jobs;

import dev.stowage.jobs.backup.BackupJobConfiguration;
import dev.stowage.jobs.backup.BackupService;
import dev.stowage.jobs.kubernetes.KubernetesConfiguration;
import dev.stowage.jobs.kubernetes.KubernetesProperties;
import dev.stowage.jobs.location.Locations;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.location.PasswordResolver;
import dev.stowage.jobs.location.RepositoryAccess;
import dev.stowage.jobs.location.RepositoryService;
import dev.stowage.jobs.partition.LocalPartitionHandlerFactory;
import dev.stowage.jobs.partition.PartitionHandlerFactory;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.resources.ResourceScope;
import dev.stowage.jobs.resources.ResourcesProperties;
import dev.stowage.jobs.restore.RestoreJobConfiguration;
import dev.stowage.jobs.restore.RestoreService;
import dev.stowage.jobs.run.RunEndListener;
import dev.stowage.jobs.run.LazyJobRegistry;
import dev.stowage.jobs.run.RunLauncher;
import dev.stowage.jobs.run.RunLiveness;
import dev.stowage.jobs.run.RunMeter;
import dev.stowage.jobs.run.RunRecovery;
import dev.stowage.jobs.status.RunHistory;
import dev.stowage.jobs.volumes.KubernetesVolumesConfiguration;
import dev.stowage.jobs.volumes.NodeJobHandlers;
import dev.stowage.jobs.volumes.VolumePartitionHandlerFactory;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.location.LocationValidator;
import dev.stowage.store.location.ObjectStoreFactory;
import dev.stowage.store.metering.PriceTable;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Wires the jobs layer: locations and repositories, the backup and restore jobs, run launching,
 * recovery and history. Each {@code @ConditionalOnMissingBean} here is a seam another module (or a
 * test) replaces by declaring its own bean: the object-store factory (tests give one with quick retries
 * or a failing backend), the partition handler, the liveness check, the repository options, the clock.
 */
@AutoConfiguration
@EnableConfigurationProperties(StowageProperties.class)
@Import({BackupJobConfiguration.class, RestoreJobConfiguration.class, KubernetesConfiguration.class,
        KubernetesVolumesConfiguration.class})
public class JobsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public Locations locations(StowageProperties properties) {
        return new Locations(properties);
    }

    /** Opens locations; credentials from this process's environment (or each location's own file). */
    @Bean
    @ConditionalOnMissingBean
    public ObjectStoreFactory objectStoreFactory() {
        return new ObjectStoreFactory();
    }

    @Bean
    public LocationValidator locationValidator(ObjectStoreFactory objectStoreFactory) {
        return new LocationValidator(objectStoreFactory);
    }

    @Bean
    public PriceTable priceTable(StowageProperties properties) {
        return properties.pricing().toPriceTable();
    }

    @Bean
    public PasswordResolver passwordResolver(StowageProperties properties, Environment environment) {
        // STOWAGE_PASSWORD binds to stowage.password; it is read here and never kept in the properties
        return new PasswordResolver(properties.passwordFile(), environment.getProperty("stowage.password"),
                properties.home().resolve("password"));
    }

    @Bean
    @ConditionalOnMissingBean
    public RepositoryOptions repositoryOptions(Clock clock) {
        return RepositoryOptions.defaults().withClock(clock);
    }

    @Bean
    public RepositoryAccess repositoryAccess(Locations locations, ObjectStoreFactory objectStoreFactory,
            PasswordResolver passwords, RepositoryOptions options) {
        return new RepositoryAccess(locations, objectStoreFactory, passwords, options);
    }

    @Bean(destroyMethod = "close")
    public OpenRepositories openRepositories(RepositoryAccess access) {
        return new OpenRepositories(access);
    }

    @Bean
    public RepositoryService repositoryService(OpenRepositories repositories, PasswordResolver passwords) {
        return new RepositoryService(repositories, passwords);
    }

    @Bean
    public RunMeter runMeter(JobRepository jobRepository, OpenRepositories repositories, PriceTable priceTable) {
        return new RunMeter(jobRepository, repositories, priceTable);
    }

    @Bean
    public ProgressBoard progressBoard(Clock clock) {
        return new ProgressBoard(clock);
    }

    @Bean
    public RunLogs runLogs(StowageProperties properties, Clock clock) {
        return new RunLogs(properties.home().resolve("logs"), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public RunLiveness runLiveness() {
        return RunLiveness.localHost();
    }

    /**
     * The JobOperator's registry, filled on first use: Spring Batch's own is filled when the operator is
     * created, creating every job (restore, drill and maintenance for a backup) on every run.
     */
    @Bean
    @ConditionalOnMissingBean
    public JobRegistry jobRegistry(ObjectProvider<Job> jobs) {
        return new LazyJobRegistry(jobs::orderedStream);
    }

    @Bean
    public RunRecovery runRecovery(JobRepository jobRepository, JobOperator jobOperator, RunLiveness liveness) {
        return new RunRecovery(jobRepository, jobOperator, liveness);
    }

    @Bean
    public RunLauncher runLauncher(JobOperator jobOperator, JobRepository jobRepository, RunRecovery recovery,
            ObjectProvider<RunEndListener> endListeners) {
        return new RunLauncher(jobOperator, jobRepository, recovery, endListeners.orderedStream().toList());
    }

    @Bean
    public RunHistory runHistory(JobRepository jobRepository, RunRecovery recovery) {
        return new RunHistory(jobRepository, recovery);
    }

    /** Threads that run partitions in this process; not Spring Boot's general task executor. */
    @Bean
    public ThreadPoolTaskExecutor stowagePartitionExecutor(StowageProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int threads = Math.max(1, properties.partitions().concurrency());
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("partition-");
        executor.setDaemon(true);
        return executor;
    }

    /**
     * Directories run on this process's threads; pod volumes (a backup planned from the cluster, a restore
     * into it) on worker Jobs, one per node or claim (docs/VOLUMES.md).
     */
    @Bean
    @ConditionalOnMissingBean
    public PartitionHandlerFactory partitionHandlerFactory(
            @Qualifier("stowagePartitionExecutor") ThreadPoolTaskExecutor stowagePartitionExecutor,
            ObjectProvider<NodeJobHandlers> nodeJobHandlers) {
        return new VolumePartitionHandlerFactory(new LocalPartitionHandlerFactory(stowagePartitionExecutor),
                nodeJobHandlers::getObject);
    }

    @Bean
    public ResourceScope resourceScope(KubernetesProperties kubernetes, ResourcesProperties resources,
            ObjectProvider<KubernetesClient> kubernetesClient) {
        return new ResourceScope(kubernetes, resources, kubernetesClient::getObject);
    }

    @Bean
    public BackupService backupService(@Qualifier("backupJob") ObjectProvider<Job> backupJob,
            ObjectProvider<RunLauncher> launcher, OpenRepositories repositories, RunLogs runLogs,
            ResourceScope resourceScope, StowageProperties properties, KubernetesProperties kubernetes) {
        return new BackupService(backupJob::getObject, launcher::getObject, repositories, runLogs, resourceScope,
                properties.volumes().resolved(kubernetes.clusterConfigured()));
    }

    @Bean
    public RestoreService restoreService(@Qualifier("restoreJob") ObjectProvider<Job> restoreJob,
            ObjectProvider<RunLauncher> launcher, OpenRepositories repositories, Clock clock,
            ResourceScope resourceScope) {
        return new RestoreService(restoreJob::getObject, launcher::getObject, repositories, clock, resourceScope);
    }
}
