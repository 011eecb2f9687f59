package dev.stowage.repository.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aReadLargerThanTheWholeBudgetTakesAllOfItInsteadOfWaitingForever() {
        // given a budget of 4 MiB
        ReadBudget budget = new ReadBudget(4 * MIB);

        // when a task needs 40 MiB
        int permits = budget.acquire(40 * MIB);

        // then it gets the whole budget (it runs alone), and hands all of it back
        assertThat(budget.availableKiB()).isZero();
        budget.release(permits);
        assertThat(budget.availableKiB()).isEqualTo(4 * 1024);
    }

    @Test
    void readsTakeTheirSizeRoundedUpToWholeKibibytes() {
        // given a budget of 4 MiB
        ReadBudget budget = new ReadBudget(4 * MIB);

        // when tasks of 1 MiB and of one byte take their share
        budget.acquire(MIB);
        budget.acquire(1);

        // then 1 MiB and 1 KiB are taken
        assertThat(budget.availableKiB()).isEqualTo(3 * 1024 - 1);
    }

    @Test
    void theBudgetIsHalfTheHeapButNeverLessThanTheMinimum() {
        assertThat(ReadBudget.forHeap(256 * MIB, 64 * MIB).availableKiB()).isEqualTo(128 * 1024);
        assertThat(ReadBudget.forHeap(64 * MIB, 64 * MIB).availableKiB()).isEqualTo(64 * 1024);
    }
}
