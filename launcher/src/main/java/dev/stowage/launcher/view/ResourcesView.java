package dev.stowage.launcher.view;

import dev.stowage.jobs.manifest.BackupResources;
import dev.stowage.jobs.manifest.RestoreResources;
import dev.stowage.kube.backup.ResourceCount;
import dev.stowage.kube.restore.ObjectOutcome;
import dev.stowage.kube.restore.OutcomeStatus;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The Kubernetes resources of backups and restores: one line, or with {@code --details} a table. */
final class ResourcesView {

    /** How cluster-scoped objects show in the namespace column. */
    private static final String CLUSTER_SCOPED = "(cluster)";

    private ResourcesView() {
    }

    /** {@code 42 objects of 17 types in 3 namespaces from k8s.home, snapshot 4f2a…, 12 KiB new, 5 KiB uploaded}. */
    static String backupLine(BackupResources r) {
        return plural(r.objects(), "object") + " of " + plural(r.types(), "type") + " in "
                + plural(r.namespaces(), "namespace") + " from " + (r.cluster() == null ? "the cluster" : r.cluster())
                + ", snapshot " + Human.shortId(r.snapshotId()) + ", " + Human.bytes(r.bytesNew()) + " new, "
                + Human.bytes(r.bytesUploaded()) + " uploaded";
    }

    /** Objects per type and namespace. */
    static void backupCounts(PrintWriter out, BackupResources r) {
        out.println();
        out.println("Resources (snapshot " + r.snapshotId() + "):");
        Table table = new Table("RESOURCE", "NAMESPACE", "OBJECTS");
        for (ResourceCount count : r.counts()) {
            table.row(count.resource(), count.namespace().isEmpty() ? CLUSTER_SCOPED : count.namespace(),
                    Human.count(count.count()));
        }
        table.print(out, "  ");
    }

    /** {@code 30 created, 2 updated, 1 exists-kept, 5 skipped, 1 failed}. */
    static String restoreLine(RestoreResources r) {
        return Arrays.stream(OutcomeStatus.values())
                .map(s -> Human.count(r.count(s)) + " " + status(s))
                .collect(Collectors.joining(", ")) + " (snapshot " + Human.shortId(r.snapshotId()) + ")";
    }

    /** One line per object, in the order the restore applied them. */
    static void restoreObjects(PrintWriter out, RestoreResources r) {
        out.println();
        out.println("Resources (snapshot " + r.snapshotId() + "):");
        Table table = new Table("RESOURCE", "NAMESPACE", "NAME", "RESULT", "MESSAGE");
        for (ObjectOutcome o : r.objects()) {
            String namespace = o.namespace().isEmpty() ? CLUSTER_SCOPED : o.namespace();
            if (!o.sourceNamespace().equals(o.namespace())) {
                namespace += " (from " + o.sourceNamespace() + ")";
            }
            table.row(o.resource(), namespace, o.name(), status(o.status()), o.message().isEmpty() ? "" : o.message());
        }
        table.print(out, "  ");
    }

    private static String plural(long n, String noun) {
        return Human.count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String status(OutcomeStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
