package dev.stowage.jobs.backup;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.StepNames;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.partition.PartitionHandlerFactory;
import dev.stowage.jobs.partition.PlanPartitioner;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.volumes.NodePartitioner;
import dev.stowage.jobs.volumes.PodVolumeDiscoverer;
import dev.stowage.jobs.volumes.PodVolumePlans;
import dev.stowage.kube.volumes.VolumePlan;
import dev.stowage.kube.worker.WorkerJson;
import dev.stowage.jobs.resources.ResourceScope;
import dev.stowage.jobs.run.RunMeter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code backup}: plan → resources (the cluster's objects, when in scope) → volumes (partitioned, run
 * by the {@link PartitionHandlerFactory}'s handler: one partition per directory in this process, or one per
 * node as a worker Job for pods' volumes) → finalize.
 */
@Configuration(proxyBeanMethods = false)
public class BackupJobConfiguration {

    public static final String JOB_NAME = "backup";

    @Bean
    public Job backupJob(JobRepository jobRepository, Step backupPlanStep, Step backupResourcesStep,
            Step backupVolumesStep, Step backupFinalizeStep, BackupRunListener backupRunListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(backupRunListener)
                .start(backupPlanStep)
                .next(backupResourcesStep)
                .next(backupVolumesStep)
                .next(backupFinalizeStep)
                .build();
    }

    @Bean
    public BackupRunListener backupRunListener(JobRepository jobRepository, OpenRepositories repositories,
            RunMeter runMeter, RunLogs runLogs, Clock clock) {
        return new BackupRunListener(jobRepository, repositories, runMeter, runLogs, clock);
    }

    @Bean
    public Step backupPlanStep(JobRepository jobRepository, BackupPlanTasklet backupPlanTasklet) {
        return new StepBuilder(StepNames.PLAN, jobRepository).tasklet(backupPlanTasklet).build();
    }

    @Bean
    @StepScope
    public BackupPlanTasklet backupPlanTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location, @Value("#{jobParameters['paths']}") String paths,
            @Value("#{jobParameters['ttl']}") String ttl, @Value("#{jobParameters['volumes']}") String volumes,
            @Value("#{jobParameters['includeNamespaces']}") String includeNamespaces,
            @Value("#{jobParameters['excludeNamespaces']}") String excludeNamespaces,
            @Value("#{jobParameters['defaultVolumesToFsBackup']}") String defaultVolumesToFsBackup,
            OpenRepositories repositories, RunLogs runLogs, Clock clock, ObjectProvider<PodVolumeDiscoverer> pods) {
        List<String> pathList = paths == null ? List.of() : Arrays.stream(paths.split("\n")).filter(p -> !p.isEmpty()).toList();
        Supplier<VolumePlan> podVolumes = !RunParameters.VOLUMES_PODS.equals(volumes) ? null
                : () -> pods.getObject().discover(includeNamespaces, excludeNamespaces,
                        Boolean.parseBoolean(defaultVolumesToFsBackup));
        return new BackupPlanTasklet(name, location, pathList, ttl, repositories, runLogs.of(JOB_NAME, name), clock,
                podVolumes);
    }

    @Bean
    public Step backupResourcesStep(JobRepository jobRepository, BackupResourcesTasklet backupResourcesTasklet) {
        return new StepBuilder(StepNames.RESOURCES, jobRepository).tasklet(backupResourcesTasklet).build();
    }

    @Bean
    @StepScope
    public BackupResourcesTasklet backupResourcesTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location,
            @Value("#{jobParameters['" + RunParameters.RESOURCES + "']}") String filters, ResourceScope resourceScope,
            ObjectProvider<KubernetesClient> kubernetesClient, OpenRepositories repositories, RunLogs runLogs) {
        return new BackupResourcesTasklet(name, location, filters, resourceScope.pageSize(), kubernetesClient::getObject,
                repositories, runLogs.of(JOB_NAME, name));
    }

    @Bean
    public Step backupVolumesStep(JobRepository jobRepository, Partitioner backupPartitioner,
            Step backupVolumeStep, PartitionHandlerFactory partitionHandlers) {
        return new StepBuilder(StepNames.VOLUMES, jobRepository)
                .partitioner(StepNames.VOLUME, backupPartitioner)
                .partitionHandler(partitionHandlers.create(backupVolumeStep))
                .build();
    }

    @Bean
    @JobScope
    public Partitioner backupPartitioner(@Value("#{jobExecutionContext['" + ContextKeys.PLAN + "']}") String planJson,
            @Value("#{jobExecutionContext['" + PodVolumePlans.NODE_PLAN + "']}") String nodePlanJson) {
        if (nodePlanJson != null) {
            // pod volumes: one partition per node, run as a worker Job pinned to it
            return new NodePartitioner(WorkerJson.read(nodePlanJson, VolumePlan.class, "pod volume plan"));
        }
        BackupManifest plan = ManifestJson.read(planJson, BackupManifest.class, "backup plan");
        Map<String, String> partitions = new LinkedHashMap<>();
        plan.volumes().forEach(v -> partitions.put(v.partition(), ManifestJson.writeString(v)));
        return new PlanPartitioner(partitions);
    }

    @Bean
    public Step backupVolumeStep(JobRepository jobRepository, VolumeBackupTasklet volumeBackupTasklet) {
        return new StepBuilder(StepNames.VOLUME, jobRepository).tasklet(volumeBackupTasklet).build();
    }

    @Bean
    @StepScope
    public VolumeBackupTasklet volumeBackupTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location,
            @Value("#{stepExecutionContext['" + ContextKeys.VOLUME + "']}") String volumeJson,
            OpenRepositories repositories, ProgressBoard progressBoard, RunLogs runLogs) {
        return new VolumeBackupTasklet(name, location, volumeJson, repositories, progressBoard,
                runLogs.of(JOB_NAME, name));
    }

    @Bean
    public Step backupFinalizeStep(JobRepository jobRepository, BackupFinalizeTasklet backupFinalizeTasklet) {
        return new StepBuilder(StepNames.FINALIZE, jobRepository).tasklet(backupFinalizeTasklet).build();
    }

    @Bean
    @StepScope
    public BackupFinalizeTasklet backupFinalizeTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location, JobRepository jobRepository,
            OpenRepositories repositories, RunMeter runMeter, RunLogs runLogs, Clock clock) {
        return new BackupFinalizeTasklet(location, jobRepository, repositories, runMeter, runLogs.of(JOB_NAME, name),
                clock);
    }
}
