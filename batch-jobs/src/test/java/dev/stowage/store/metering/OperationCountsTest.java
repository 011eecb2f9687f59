package dev.stowage.store.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationCountsTest {

    private static OperationCounts counts(Object... kindsAndCounts) {
        OperationCounter counter = new OperationCounter();
        for (int i = 0; i < kindsAndCounts.length; i += 2) {
            counter.record((OperationKind) kindsAndCounts[i], ((Number) kindsAndCounts[i + 1]).longValue());
        }
        return counter.snapshot();
    }

    @Test
    void totalsEachTransactionClass() {
        OperationCounts counts = counts(OperationKind.PUT_OBJECT, 10, OperationKind.UPLOAD_PART, 4,
                OperationKind.DELETE_OBJECT, 1, OperationKind.GET_OBJECT, 3, OperationKind.HEAD_OBJECT, 2,
                OperationKind.LIST_OBJECTS_V2, 5, OperationKind.HEAD_BUCKET, 1, OperationKind.COPY_OBJECT, 1);

        assertThat(counts.byClass()).containsExactly(Map.entry(CostClass.A, 15L), Map.entry(CostClass.B, 5L),
                Map.entry(CostClass.C, 7L));
        assertThat(counts.total()).isEqualTo(27);
    }

    @Test
    void partitionsAddUp() {
        OperationCounts node1 = counts(OperationKind.PUT_OBJECT, 3, OperationKind.LIST_OBJECTS_V2, 1);
        OperationCounts node2 = counts(OperationKind.PUT_OBJECT, 4, OperationKind.GET_OBJECT, 2);

        OperationCounts run = OperationCounts.sum(List.of(node1, node2));

        assertThat(run.get(OperationKind.PUT_OBJECT)).isEqualTo(7);
        assertThat(run.get(OperationKind.GET_OBJECT)).isEqualTo(2);
        assertThat(run.get(CostClass.C)).isEqualTo(1);
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheCounterMovesOn() {
        OperationCounter counter = new OperationCounter();
        counter.record(OperationKind.GET_OBJECT);
        OperationCounts before = counter.snapshot();

        counter.record(OperationKind.GET_OBJECT);

        assertThat(before.get(OperationKind.GET_OBJECT)).isEqualTo(1);
        assertThat(counter.snapshot().minus(before).get(OperationKind.GET_OBJECT)).isEqualTo(1);
    }

    @Test
    void theManifestFormHoldsNonZeroCountsByOperationNameAndReadsBack() {
        OperationCounts counts = counts(OperationKind.PUT_OBJECT, 12, OperationKind.LIST_OBJECTS_V2, 2);

        Map<String, Long> map = counts.toMap();

        assertThat(map).containsExactly(Map.entry("PutObject", 12L), Map.entry("ListObjectsV2", 2L));
        assertThat(OperationCounts.fromMap(map)).isEqualTo(counts);
    }

    @Test
    void unknownOperationNamesReadBackAsOtherInClassC() {
        OperationCounts counts = OperationCounts.fromMap(Map.of("GetBucketLifecycle", 2L, "GetObject", 1L));

        assertThat(counts.get(OperationKind.OTHER)).isEqualTo(2);
        assertThat(counts.get(CostClass.C)).isEqualTo(2);
    }

    @Test
    void subtractingALaterSnapshotIsRefused() {
        OperationCounts later = counts(OperationKind.GET_OBJECT, 2);

        assertThatThrownBy(() -> OperationCounts.EMPTY.minus(later)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GetObject");
    }

    @Test
    void everyKindIsNamedAsTheSdkNamesTheOperation() {
        for (OperationKind kind : OperationKind.values()) {
            assertThat(OperationKind.fromS3Name(kind.s3Name())).isEqualTo(kind);
        }
        assertThat(OperationKind.fromS3Name("ListObjectsV2").costClass()).isEqualTo(CostClass.C);
        assertThat(OperationKind.fromS3Name("HeadObject").costClass()).isEqualTo(CostClass.B);
        assertThat(OperationKind.fromS3Name("CompleteMultipartUpload").costClass()).isEqualTo(CostClass.A);
    }
}
