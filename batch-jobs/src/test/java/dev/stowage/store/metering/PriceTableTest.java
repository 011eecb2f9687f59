package dev.stowage.store.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable b2 = PriceTable.backblazeB2();

    private static OperationCounts counts(long a, long b, long c) {
        OperationCounter counter = new OperationCounter();
        counter.record(OperationKind.PUT_OBJECT, a);
        counter.record(OperationKind.GET_OBJECT, b);
        counter.record(OperationKind.LIST_OBJECTS_V2, c);
        return counter.snapshot();
    }

    @Test
    void aRunWithinTheDailyAllowanceCostsNothing() {
        CostEstimate estimate = b2.estimate(counts(100_000, 2_500, 2_500));

        assertThat(estimate.totalDollars()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void classBPastTheAllowanceCostsFourTenthsOfACentPerTenThousand() {
        CostEstimate estimate = b2.estimate(counts(0, 12_500, 0));

        assertThat(estimate.billable().get(CostClass.B)).isEqualTo(10_000);
        assertThat(estimate.totalDollars()).isEqualByComparingTo("0.004");
    }

    @Test
    void classCPastTheAllowanceCostsFourTenthsOfACentPerThousand() {
        CostEstimate estimate = b2.estimate(counts(0, 0, 3_000));

        assertThat(estimate.dollars().get(CostClass.C)).isEqualByComparingTo("0.002");
    }

    @Test
    void uploadsAreFree() {
        assertThat(b2.estimateWithoutAllowance(counts(1_000_000, 0, 0)).totalDollars())
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void withoutTheAllowanceEveryBillableRequestCounts() {
        CostEstimate estimate = b2.estimateWithoutAllowance(counts(0, 10_000, 1_000));

        assertThat(estimate.totalDollars()).isEqualByComparingTo("0.008");
        assertThat(estimate.summary()).isEqualTo("class A 0, class B 10000, class C 1000: $0.008000");
    }
}
