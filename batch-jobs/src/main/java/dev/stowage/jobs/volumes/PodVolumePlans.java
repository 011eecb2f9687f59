package dev.stowage.jobs.volumes;

import dev.stowage.jobs.manifest.BackupVolume;
import dev.stowage.kube.volumes.NodePartition;
import dev.stowage.kube.volumes.PodVolume;
import dev.stowage.kube.volumes.VolumePlan;
import dev.stowage.kube.worker.WorkerJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A backup's pod-volume plan as the jobs keep it: in the job execution context ({@link #NODE_PLAN}), for
 * the node partitioner, and as the manifest's planned volumes, one per pod volume, partition
 * {@code node-<node>}, host the node, source {@code pod <namespace>/<pod> volume <volume>}.
 */
public final class PodVolumePlans {

    /** Job execution-context key: the {@link VolumePlan} (JSON) of a backup of pod volumes. */
    public static final String NODE_PLAN = "stowage.node.plan";

    private static final Pattern SOURCE = Pattern.compile("pod (\\S+) volume (\\S+)");

    private PodVolumePlans() {
    }

    public static List<BackupVolume> volumes(VolumePlan plan) {
        List<BackupVolume> volumes = new ArrayList<>();
        for (NodePartition partition : plan.partitions()) {
            for (PodVolume volume : partition.volumes()) {
                volumes.add(BackupVolume.planned(volume.name(), source(volume), volume.identity(), partition.name(),
                        partition.node()));
            }
        }
        return volumes;
    }

    public static void record(ExecutionContext jobContext, VolumePlan plan) {
        jobContext.putString(NODE_PLAN, WorkerJson.write(plan));
    }

    public static Optional<VolumePlan> of(ExecutionContext jobContext) {
        return Optional.ofNullable(jobContext.getString(NODE_PLAN, null))
                .map(json -> WorkerJson.read(json, VolumePlan.class, "pod volume plan"));
    }

    /** {@code pod shop/db-0 volume data}: what a pod volume's manifest entry says it was read from. */
    public static String source(PodVolume volume) {
        return "pod " + volume.namespace() + "/" + volume.pod() + " volume " + volume.volume();
    }

    /** The pod ({@code namespace/name}) of a pod volume's source, if it is one. */
    public static Optional<String> pod(String source) {
        Matcher matcher = SOURCE.matcher(source == null ? "" : source);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The claim ({@code namespace/claim}) of a volume's identity, if it is a claim's. */
    public static Optional<String> claim(String identity) {
        return identity != null && identity.startsWith("pvc:") ? Optional.of(identity.substring(4)) : Optional.empty();
    }

    /** Whether a backup volume is a pod volume (a claim or an emptyDir) rather than a directory. */
    public static boolean isPodVolume(BackupVolume volume) {
        return volume.identity() != null
                && (volume.identity().startsWith("pvc:") || volume.identity().startsWith("emptydir:"));
    }
}
