package dev.stowage.kube.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeNamesTest {

    @Test
    void aNameThatFitsIsKeptAsIs() {
        assertThat(KubeNames.labelValue("daily-20240501")).isEqualTo("daily-20240501");
        assertThat(KubeNames.dnsLabel("node-a", 63)).isEqualTo("node-a");
    }

    @Test
    void aLongNameIsCutAndTaggedSoTwoLongNamesNeverShareALabel() {
        String a = "x".repeat(100) + "-a";
        String b = "x".repeat(100) + "-b";

        assertThat(KubeNames.labelValue(a)).hasSizeLessThanOrEqualTo(63).isNotEqualTo(KubeNames.labelValue(b));
    }

    @Test
    void charactersALabelCannotHoldAreReplaced() {
        assertThat(KubeNames.labelValue("backup/with spaces")).matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
        assertThat(KubeNames.dnsLabel("Node_1.Example.COM", 63)).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void partitionNamesOfVeryLongNodeNamesFitSpringBatchsStepNameColumn() {
        String node = "ip-10-0-0-1." + "a".repeat(240);

        assertThat(NodePartitions.nameOf("worker-1")).isEqualTo("node-worker-1");
        assertThat(NodePartitions.nameOf(node)).hasSize(80).startsWith("node-ip-10-0-0-1.")
                .isNotEqualTo(NodePartitions.nameOf(node + "b"));
    }
}
