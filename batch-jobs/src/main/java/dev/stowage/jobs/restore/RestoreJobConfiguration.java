package dev.stowage.jobs.restore;

import dev.stowage.jobs.ContextKeys;
import dev.stowage.jobs.RunParameters;
import dev.stowage.jobs.StepNames;
import dev.stowage.jobs.location.OpenRepositories;
import dev.stowage.jobs.manifest.ManifestJson;
import dev.stowage.jobs.manifest.RestoreManifest;
import dev.stowage.jobs.partition.PartitionHandlerFactory;
import dev.stowage.jobs.partition.PlanPartitioner;
import dev.stowage.jobs.progress.ProgressBoard;
import dev.stowage.jobs.progress.RunLogs;
import dev.stowage.jobs.volumes.ClaimPartitioner;
import dev.stowage.jobs.volumes.ClaimPlans;
import dev.stowage.jobs.resources.ResourceScope;
import dev.stowage.jobs.run.RunMeter;
import dev.stowage.kube.restore.RestorePhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Job {@code restore}: plan → resources (up to the claims) → volumes (partitioned, one partition per
 * volume) → workloads (custom resources, workloads, webhooks) → verify. The two resource steps do
 * nothing when the backup has no resources, so applications start only once their volumes hold data.
 */
@Configuration(proxyBeanMethods = false)
public class RestoreJobConfiguration {

    public static final String JOB_NAME = "restore";

    @Bean
    public Job restoreJob(JobRepository jobRepository, Step restorePlanStep, Step restoreResourcesStep,
            Step restoreVolumesStep, Step restoreWorkloadsStep, Step restoreVerifyStep,
            RestoreRunListener restoreRunListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(restoreRunListener)
                .start(restorePlanStep)
                .next(restoreResourcesStep)
                .next(restoreVolumesStep)
                .next(restoreWorkloadsStep)
                .next(restoreVerifyStep)
                .build();
    }

    @Bean
    public RestoreRunListener restoreRunListener(JobRepository jobRepository, OpenRepositories repositories,
            RunMeter runMeter, RunLogs runLogs, Clock clock) {
        return new RestoreRunListener(jobRepository, repositories, runMeter, runLogs, clock);
    }

    @Bean
    public Step restorePlanStep(JobRepository jobRepository, RestorePlanTasklet restorePlanTasklet) {
        return new StepBuilder(StepNames.PLAN, jobRepository).tasklet(restorePlanTasklet).build();
    }

    @Bean
    @StepScope
    public RestorePlanTasklet restorePlanTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['backup']}") String backup, @Value("#{jobParameters['location']}") String location,
            @Value("#{jobParameters['target']}") String target,
            @Value("#{jobParameters['" + RunParameters.RESOURCES + "']}") String resources,
            OpenRepositories repositories, RunLogs runLogs, Clock clock) {
        return new RestorePlanTasklet(name, backup, location, target, resources, repositories,
                runLogs.of(JOB_NAME, name), clock);
    }

    @Bean
    public Step restoreResourcesStep(JobRepository jobRepository, RestoreResourcesTasklet restoreResourcesTasklet) {
        return new StepBuilder(StepNames.RESOURCES, jobRepository).tasklet(restoreResourcesTasklet).build();
    }

    @Bean
    @StepScope
    public RestoreResourcesTasklet restoreResourcesTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location,
            @Value("#{jobExecutionContext['" + ContextKeys.PLAN + "']}") String planJson,
            @Value("#{jobParameters['" + RunParameters.RESOURCES + "']}") String request, ResourceScope resourceScope,
            ObjectProvider<KubernetesClient> kubernetesClient, OpenRepositories repositories, RunLogs runLogs) {
        return resourcesTasklet(RestorePhase.UP_TO_VOLUMES, name, location, planJson, request, resourceScope,
                kubernetesClient, repositories, runLogs);
    }

    @Bean
    public Step restoreWorkloadsStep(JobRepository jobRepository, RestoreResourcesTasklet restoreWorkloadsTasklet) {
        return new StepBuilder(StepNames.WORKLOADS, jobRepository).tasklet(restoreWorkloadsTasklet).build();
    }

    @Bean
    @StepScope
    public RestoreResourcesTasklet restoreWorkloadsTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location,
            @Value("#{jobExecutionContext['" + ContextKeys.PLAN + "']}") String planJson,
            @Value("#{jobParameters['" + RunParameters.RESOURCES + "']}") String request, ResourceScope resourceScope,
            ObjectProvider<KubernetesClient> kubernetesClient, OpenRepositories repositories, RunLogs runLogs) {
        return resourcesTasklet(RestorePhase.WORKLOADS, name, location, planJson, request, resourceScope,
                kubernetesClient, repositories, runLogs);
    }

    /** Steps {@code resources} and {@code workloads} run the same tasklet, each for its phase of the objects. */
    private static RestoreResourcesTasklet resourcesTasklet(RestorePhase phase, String name, String location,
            String planJson, String request, ResourceScope resourceScope,
            ObjectProvider<KubernetesClient> kubernetesClient, OpenRepositories repositories, RunLogs runLogs) {
        return new RestoreResourcesTasklet(name, location, phase, planJson, request, resourceScope.ownNamespace(),
                kubernetesClient::getObject, repositories, runLogs.of(JOB_NAME, name));
    }

    @Bean
    public Step restoreVolumesStep(JobRepository jobRepository, Partitioner restorePartitioner,
            Step restoreVolumeStep, PartitionHandlerFactory partitionHandlers) {
        return new StepBuilder(StepNames.VOLUMES, jobRepository)
                .partitioner(StepNames.VOLUME, restorePartitioner)
                .partitionHandler(partitionHandlers.create(restoreVolumeStep))
                .build();
    }

    @Bean
    @JobScope
    public Partitioner restorePartitioner(@Value("#{jobExecutionContext['" + ContextKeys.PLAN + "']}") String planJson,
            @Value("#{jobExecutionContext['" + ClaimPlans.CLAIM_PLAN + "']}") String claimPlanJson) {
        if (claimPlanJson != null) {
            // claims in the cluster: one partition per claim, run as a restore worker Job in its namespace
            return new ClaimPartitioner(ClaimPlans.read(claimPlanJson));
        }
        RestoreManifest plan = ManifestJson.read(planJson, RestoreManifest.class, "restore plan");
        Map<String, String> partitions = new LinkedHashMap<>();
        plan.volumes().forEach(v -> partitions.put(v.partition(), ManifestJson.writeString(v)));
        return new PlanPartitioner(partitions);
    }

    @Bean
    public Step restoreVolumeStep(JobRepository jobRepository, VolumeRestoreTasklet volumeRestoreTasklet) {
        return new StepBuilder(StepNames.VOLUME, jobRepository).tasklet(volumeRestoreTasklet).build();
    }

    @Bean
    @StepScope
    public VolumeRestoreTasklet volumeRestoreTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location,
            @Value("#{stepExecutionContext['" + ContextKeys.VOLUME + "']}") String volumeJson,
            OpenRepositories repositories, ProgressBoard progressBoard, RunLogs runLogs) {
        return new VolumeRestoreTasklet(name, location, volumeJson, repositories, progressBoard,
                runLogs.of(JOB_NAME, name));
    }

    @Bean
    public Step restoreVerifyStep(JobRepository jobRepository, RestoreVerifyTasklet restoreVerifyTasklet) {
        return new StepBuilder(StepNames.VERIFY, jobRepository).tasklet(restoreVerifyTasklet).build();
    }

    @Bean
    @StepScope
    public RestoreVerifyTasklet restoreVerifyTasklet(@Value("#{jobParameters['name']}") String name,
            @Value("#{jobParameters['location']}") String location, JobRepository jobRepository,
            OpenRepositories repositories, RunMeter runMeter, RunLogs runLogs, Clock clock) {
        return new RestoreVerifyTasklet(location, jobRepository, repositories, runMeter, runLogs.of(JOB_NAME, name),
                clock);
    }
}
