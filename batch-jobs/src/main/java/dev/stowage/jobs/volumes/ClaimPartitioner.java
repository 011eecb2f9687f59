package dev.stowage.jobs.volumes;

import dev.stowage.kube.volumes.KubeNames;
import dev.stowage.kube.worker.WorkerJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per restored claim, named {@code claim-<namespace>-<claim>}: its context holds which
 * snapshot goes into which claim ({@link #CLAIM_KEY}).
 */
public final class ClaimPartitioner implements Partitioner {

    /** Partition execution-context key: the {@link ClaimRestore} as JSON. */
    public static final String CLAIM_KEY = "stowage.claim.restore";

    private final List<ClaimRestore> claims;

    public ClaimPartitioner(List<ClaimRestore> claims) {
        this.claims = List.copyOf(claims);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (ClaimRestore claim : claims) {
            ExecutionContext context = new ExecutionContext();
            context.putString(CLAIM_KEY, WorkerJson.write(claim));
            partitions.put(partitionName(claim.namespace(), claim.claim()), context);
        }
        return partitions;
    }

    /** {@code claim-<namespace>-<claim>}, shortened with a hash past 80 characters. */
    public static String partitionName(String namespace, String claim) {
        String name = "claim-" + namespace + "-" + claim;
        return name.length() <= 80 ? name : name.substring(0, 71) + "-" + KubeNames.hash(name, 8);
    }

    public static ClaimRestore of(ExecutionContext context) {
        return WorkerJson.read(context.getString(CLAIM_KEY), ClaimRestore.class, "claim restore");
    }

    /**
     * A snapshot to restore into a claim.
     *
     * @param volume     the backup volume's name ({@code shop/data})
     * @param namespace  the claim's namespace (after namespace mapping)
     * @param claim      the claim's name
     * @param identity   the snapshot source identity
     * @param snapshotId the snapshot
     */
    public record ClaimRestore(String volume, String namespace, String claim, String identity, String snapshotId) {
    }
}
