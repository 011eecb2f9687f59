package dev.stowage.jobs.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.kube.backup.ResourceBackupOptions;
import dev.stowage.kube.restore.OutcomeStatus;
import dev.stowage.kube.restore.ResourceRestoreOptions;
import dev.stowage.kube.restore.RestorePhase;
import dev.stowage.kube.restore.RestoreReport;
import dev.stowage.kube.testing.ClusterFixtures;
import dev.stowage.kube.testing.MockCluster;
import dev.stowage.repository.Repositories;
import dev.stowage.repository.Repository;
import dev.stowage.repository.RepositoryOptions;
import dev.stowage.store.LocalFilesystemStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** The resources steps over the real repository engine on a local filesystem store. */
class ResourcesInRepositoryIT {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path storeRoot;

    private MockCluster source;
    private Repository repository;

    @BeforeEach
    void backedUpCluster() {
        source = MockCluster.start();
        ClusterFixtures.load(source.client(), ClusterFixtures.TWO_APPS);
        repository = Repositories.init(new LocalFilesystemStore("local", storeRoot), PASSWORD, RepositoryOptions.forTests());
    }

    @AfterEach
    void stop() {
        repository.close();
        source.close();
    }

    @Test
    void noSecretOrConfigMapValueIsStoredInPlaintext() throws Exception {
        backUp("daily");
        repository.close();

        List<String> needles = new ArrayList<>();
        for (String value : ClusterFixtures.PLAINTEXT_VALUES) {
            needles.add(value);
            needles.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        needles.add("shop-db");
        needles.add("ghost-admin");
        List<Path> objects = storedObjects();
        assertThat(objects).isNotEmpty();
        for (Path object : objects) {
            String bytes = new String(Files.readAllBytes(object), StandardCharsets.ISO_8859_1);
            assertThat(needles).as(storeRoot.relativize(object).toString()).noneMatch(bytes::contains);
        }
        repository = Repositories.open(new LocalFilesystemStore("local", storeRoot), PASSWORD, RepositoryOptions.forTests());
    }

    @Test
    void aSecondBackupOfAnUnchangedClusterStoresNoObjectAgain() throws Exception {
        ExecutionContext first = backUp("daily-1").getExecutionContext();

        ExecutionContext second = backUp("daily-2").getExecutionContext();

        // The first run's new bytes are the objects plus the snapshot's directory trees; the second
        // run's are at most the trees: not one object's bytes were new.
        long objectBytes = first.getLong(ResourcesBackupTasklet.BYTES);
        assertThat(objectBytes).isPositive();
        assertThat(second.getLong(ResourcesBackupTasklet.BYTES)).isEqualTo(objectBytes);
        assertThat(second.getLong(ResourcesBackupTasklet.BYTES_NEW))
                .isLessThanOrEqualTo(first.getLong(ResourcesBackupTasklet.BYTES_NEW) - objectBytes);
    }

    @Test
    void aBackupInTheRepositoryRestoresIntoAnEmptyCluster() throws Exception {
        String snapshotId = backUp("weekly").getExecutionContext().getString(ResourcesBackupTasklet.SNAPSHOT_ID);
        try (MockCluster target = MockCluster.start()) {
            StepExecution step = run(new ResourcesRestoreTasklet(target.client(), repository, snapshotId,
                    ResourceRestoreOptions.defaults().withCrdWait(Duration.ofSeconds(5), Duration.ofMillis(50)),
                    RestorePhase.ALL));

            RestoreReport report = ResourcesRestoreTasklet.report(step.getExecutionContext());
            assertThat(report.partiallyFailed()).isFalse();
            assertThat(report.count(OutcomeStatus.CREATED)).isGreaterThan(30);
            assertThat(target.client().secrets().inNamespace("shop").withName("shop-db").get().getData())
                    .containsEntry("password", Base64.getEncoder().encodeToString(
                            "PLAINTEXT-secret-shop-Zq8vN3".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private StepExecution backUp(String name) throws Exception {
        return run(new ResourcesBackupTasklet(source.client(), repository,
                ResourceBackupOptions.of(null, List.of("kube-system", "kiwix"), null, null, null, null), name));
    }

    private List<Path> storedObjects() throws IOException {
        try (Stream<Path> files = Files.walk(storeRoot)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static StepExecution run(Tasklet tasklet) throws Exception {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        StepContribution contribution = step.createStepContribution();
        tasklet.execute(contribution, new ChunkContext(new StepContext(step)));
        step.apply(contribution);
        return step;
    }
}
