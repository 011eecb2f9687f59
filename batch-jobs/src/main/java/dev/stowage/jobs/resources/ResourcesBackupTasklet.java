package dev.stowage.jobs.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.kube.backup.ResourceBackup;
import dev.stowage.kube.backup.ResourceBackupOptions;
import dev.stowage.kube.backup.ResourceBackupResult;
import dev.stowage.repository.BackupResult;
import dev.stowage.repository.Repository;
import dev.stowage.repository.SnapshotBuilder;
import dev.stowage.repository.SnapshotSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The backup job's {@code resources} step: every included Kubernetes object into one snapshot of kind
 * {@code resources}. Puts the snapshot id and a summary into the step's execution context, for the
 * finalize step's manifest.
 *
 * <p>Warnings (a type that could not be listed) leave the step COMPLETED with the warnings in its exit
 * description and under {@link #WARNINGS}; the jobs layer makes the backup PartiallyFailed from them.
 * A snapshot is committed even then: what could be read is worth keeping.
 */
public final class ResourcesBackupTasklet implements Tasklet {

    /** String: the id of the committed resources snapshot. */
    public static final String SNAPSHOT_ID = "resources.snapshotId";
    /** Long: objects stored. */
    public static final String OBJECTS = "resources.objects";
    /** Long: warnings raised. */
    public static final String WARNINGS = "resources.warnings";
    /** String: {@link ResourceBackupResult} as JSON (counts per type and namespace, warnings). */
    public static final String SUMMARY = "resources.summary";
    /** Long: bytes of the objects' JSON. */
    public static final String BYTES = "resources.bytes";
    /** Long: plaintext bytes the repository did not have yet (unchanged objects cost nothing). */
    public static final String BYTES_NEW = "resources.bytesNew";
    /** Long: bytes of packs uploaded (compressed, encrypted). */
    public static final String BYTES_UPLOADED = "resources.bytesUploaded";
    /** Long: packs uploaded. */
    public static final String PACKS_UPLOADED = "resources.packsUploaded";
    /** The snapshot kind, in the repository's terms. */
    public static final String SOURCE_KIND = "resources";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final Repository repository;
    private final ResourceBackupOptions options;
    private final String backupName;

    public ResourcesBackupTasklet(KubernetesClient client, Repository repository, ResourceBackupOptions options,
            String backupName) {
        this.client = client;
        this.repository = repository;
        this.options = options;
        this.backupName = backupName;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String cluster = client.getMasterUrl().getHost();
        SnapshotSource source = new SnapshotSource(SOURCE_KIND, SOURCE_KIND + ":" + cluster, cluster,
                Map.of("backup", backupName));
        ResourceBackupResult result;
        BackupResult committed;
        try (SnapshotBuilder snapshot = repository.newSnapshot(source)) {
            result = new ResourceBackup(client, options).run(snapshot);
            committed = snapshot.commit();
        }
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        context.putString(SNAPSHOT_ID, committed.snapshotId());
        context.putLong(OBJECTS, result.objects());
        context.putLong(WARNINGS, result.warnings().size());
        context.putString(SUMMARY, JSON.writeValueAsString(result));
        context.putLong(BYTES, committed.stats().totalBytes());
        context.putLong(BYTES_NEW, committed.stats().bytesNew());
        context.putLong(BYTES_UPLOADED, committed.stats().bytesUploaded());
        context.putLong(PACKS_UPLOADED, committed.stats().packsUploaded());
        contribution.incrementWriteCount(result.objects());
        if (!result.warnings().isEmpty()) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                    result.warnings().size() + " warning(s): " + String.join("; ", result.warnings())));
        }
        return RepeatStatus.FINISHED;
    }

    /** Reads {@link #SUMMARY} back, for the finalize step and {@code backup describe}. */
    public static ResourceBackupResult summary(ExecutionContext context) throws IOException {
        return JSON.readValue(context.getString(SUMMARY), ResourceBackupResult.class);
    }
}
