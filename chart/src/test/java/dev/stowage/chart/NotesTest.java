package dev.stowage.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What `helm install` tells the operator to do next. */
class NotesTest {

    @Test
    void withoutSchedulesTheNotesSayNothingIsBackedUpAndHowToLabelTheNamespace() {
        String notes = StowageChart.installOutput(null);

        assertThat(notes).contains("Nothing is backed up yet: set locations and schedules")
                .contains("kubectl label namespace stowage pod-security.kubernetes.io/enforce=privileged --overwrite")
                .contains("create secret generic stowage-repository");
    }

    @Test
    void withSchedulesTheNotesNameTheSecretsAndHowToRunABackupOrARestoreNow() {
        String notes = StowageChart.installOutput(StowageChart.fullValues());

        assertThat(notes).doesNotContain("Nothing is backed up yet")
                .contains("stowage-b2-credentials: credentials of location b2")
                .contains("stowage-nas-credentials: credentials of location nas")
                .contains("this release labels stowage pod-security.kubernetes.io/enforce=privileged")
                .contains("kubectl -n stowage create job --from=cronjob/stowage-daily manual-$(date +%s)")
                .contains("kubectl -n stowage create job --from=cronjob/stowage-restore restore-$(date +%s)");
    }
}
