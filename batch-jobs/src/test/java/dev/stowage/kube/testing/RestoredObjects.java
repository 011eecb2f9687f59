package dev.stowage.kube.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.assertj.core.groups.Tuple;

/**
 * What a restored object must keep of the one that was backed up, whichever cluster ran the restore
 * (the mock API server or k3s): its name and labels in the namespace it was mapped to, and what makes it
 * the same workload or claim. Fields the API server owns (uid, resource version, status) are left out.
 */
public final class RestoredObjects {

    private RestoredObjects() {
    }

    /** Asserts that {@code restored} is {@code original} restored into {@code namespace}. */
    public static void assertRestoredAs(HasMetadata original, HasMetadata restored, String namespace) {
        String what = original.getKind() + " " + original.getMetadata().getNamespace() + "/"
                + original.getMetadata().getName();
        assertThat(restored).as("%s restored into %s", what, namespace).isNotNull();
        assertThat(restored.getKind()).as(what).isEqualTo(original.getKind());
        assertThat(restored.getMetadata().getName()).as(what).isEqualTo(original.getMetadata().getName());
        assertThat(restored.getMetadata().getNamespace()).as(what).isEqualTo(namespace);
        if (original.getMetadata().getLabels() != null) {
            assertThat(restored.getMetadata().getLabels()).as("labels of %s", what)
                    .containsAllEntriesOf(original.getMetadata().getLabels());
        }
        if (original instanceof Deployment deployment) {
            Deployment copy = (Deployment) restored;
            assertThat(copy.getSpec().getReplicas()).as("replicas of %s", what)
                    .isEqualTo(deployment.getSpec().getReplicas());
            assertThat(copy.getSpec().getSelector()).as("selector of %s", what)
                    .isEqualTo(deployment.getSpec().getSelector());
            assertSamePods(what, deployment.getSpec().getTemplate(), copy.getSpec().getTemplate());
        } else if (original instanceof StatefulSet statefulSet) {
            StatefulSet copy = (StatefulSet) restored;
            assertThat(copy.getSpec().getReplicas()).as("replicas of %s", what)
                    .isEqualTo(statefulSet.getSpec().getReplicas());
            assertThat(copy.getSpec().getVolumeClaimTemplates()).as("claim templates of %s", what)
                    .extracting(t -> t.getMetadata().getName(), t -> t.getSpec().getStorageClassName(),
                            t -> t.getSpec().getResources())
                    .containsExactlyElementsOf(statefulSet.getSpec().getVolumeClaimTemplates().stream()
                            .map(t -> Tuple.tuple(t.getMetadata().getName(),
                                    t.getSpec().getStorageClassName(), t.getSpec().getResources()))
                            .toList());
            assertSamePods(what, statefulSet.getSpec().getTemplate(), copy.getSpec().getTemplate());
        } else if (original instanceof PersistentVolumeClaim claim) {
            PersistentVolumeClaim copy = (PersistentVolumeClaim) restored;
            assertThat(copy.getSpec().getStorageClassName()).as("storage class of %s", what)
                    .isEqualTo(claim.getSpec().getStorageClassName());
            assertThat(copy.getSpec().getAccessModes()).as("access modes of %s", what)
                    .isEqualTo(claim.getSpec().getAccessModes());
            assertThat(copy.getSpec().getResources().getRequests()).as("requests of %s", what)
                    .isEqualTo(claim.getSpec().getResources().getRequests());
        }
    }

    private static void assertSamePods(String what, PodTemplateSpec original, PodTemplateSpec restored) {
        assertThat(restored.getMetadata().getLabels()).as("pod labels of %s", what)
                .isEqualTo(original.getMetadata().getLabels());
        assertThat(restored.getSpec().getContainers()).as("containers of %s", what)
                .isEqualTo(original.getSpec().getContainers());
        assertThat(restored.getSpec().getVolumes()).as("volumes of %s", what)
                .isEqualTo(original.getSpec().getVolumes());
    }
}
