package dev.stowage.jobs.volumes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.jobs.manifest.BackupManifest;
import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.jobs.manifest.RestoreVolume;
import dev.stowage.jobs.resources.ResourceRestoreRequest;
import dev.stowage.kube.restore.NamespaceMappings;
import dev.stowage.kube.selection.NamespaceFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A restore of pod volumes into the cluster: each backed-up claim is filled by a restore worker in its
 * namespace ({@link ClaimPartitioner}); emptyDirs are not restored into the cluster (docs/VOLUMES.md)
 * and become warnings. The claims go into the job execution context ({@link #CLAIM_PLAN}).
 */
public final class ClaimPlans {

    /** Job execution-context key: the claims to fill (JSON list of {@link ClaimPartitioner.ClaimRestore}). */
    public static final String CLAIM_PLAN = "stowage.claim.plan";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimPlans() {
    }

    /** Whether a backup holds pod volumes (it was taken from a cluster, not from directories). */
    public static boolean holdsPodVolumes(BackupManifest backup) {
        return backup.volumes().stream().anyMatch(PodVolumePlans::isPodVolume);
    }

    /**
     * The claims of a backup to fill, each with its snapshot, as the resources restore recreates them: a
     * claim of a namespace the restore leaves out ({@code --include-namespaces}, {@code --exclude-namespaces},
     * which name backed-up namespaces) is not filled, and one of a mapped namespace
     * ({@code --namespace-mappings}) is filled where its claim now is. Volumes that failed in the backup are
     * left out.
     */
    public static List<ClaimPartitioner.ClaimRestore> claims(BackupManifest backup, ResourceRestoreRequest request) {
        NamespaceFilter namespaces = new NamespaceFilter(request.filters().includeNamespaces(),
                request.filters().excludeNamespaces());
        NamespaceMappings mappings = NamespaceMappings.parse(request.namespaceMappings());
        List<ClaimPartitioner.ClaimRestore> claims = new ArrayList<>();
        for (BackupVolume volume : backup.volumes()) {
            Optional<String> claim = PodVolumePlans.claim(volume.identity());
            if (claim.isPresent() && volume.snapshotId() != null) {
                String[] parts = claim.get().split("/", 2);
                if (namespaces.includes(parts[0])) {
                    claims.add(new ClaimPartitioner.ClaimRestore(volume.name(), mappings.map(parts[0]), parts[1],
                            volume.identity(), volume.snapshotId()));
                }
            }
        }
        return claims;
    }

    /** The restore's planned volumes: one per claim, its target the claim, its partition the claim's. */
    public static List<RestoreVolume> volumes(List<ClaimPartitioner.ClaimRestore> claims) {
        return claims.stream().map(c -> RestoreVolume.planned(c.volume(), "pvc " + c.namespace() + "/" + c.claim(),
                c.snapshotId(), "pvc " + c.namespace() + "/" + c.claim(),
                ClaimPartitioner.partitionName(c.namespace(), c.claim()))).toList();
    }

    /** Warnings for the backup's emptyDirs, which a restore into the cluster leaves out. */
    public static List<String> skippedEmptyDirs(BackupManifest backup) {
        return backup.volumes().stream()
                .filter(v -> v.identity() != null && v.identity().startsWith("emptydir:") && v.snapshotId() != null)
                .map(v -> v.name() + ": emptyDir not restored into the cluster (its pod is new); `stowage restore "
                        + "create --from-backup " + backup.name() + " --target DIR` restores its files into a directory")
                .toList();
    }

    public static void record(ExecutionContext jobContext, List<ClaimPartitioner.ClaimRestore> claims) {
        try {
            jobContext.putString(CLAIM_PLAN, JSON.writeValueAsString(claims));
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write the claim plan", e);
        }
    }

    public static Optional<List<ClaimPartitioner.ClaimRestore>> of(ExecutionContext jobContext) {
        return Optional.ofNullable(jobContext.getString(CLAIM_PLAN, null)).map(ClaimPlans::read);
    }

    /** The claims of a plan's JSON ({@link #CLAIM_PLAN}). */
    public static List<ClaimPartitioner.ClaimRestore> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ClaimPartitioner.ClaimRestore>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read the claim plan", e);
        }
    }

    /** Whether a planned restore volume is filled by a restore worker (its target is a claim, not a directory). */
    public static boolean isClaim(RestoreVolume volume) {
        return volume.target() != null && volume.target().startsWith("pvc ");
    }
}
