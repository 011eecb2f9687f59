package dev.stowage.store.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.location.CheckResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationValidatorTest {

    @TempDir
    Path directory;

    private final LocationValidator validator = new LocationValidator(new ObjectStoreFactory());

    @Test
    void aWritableDirectoryPassesAndKeepsNoProbeObject() throws IOException {
        ValidationReport report = validator.validate(LocationSpec.filesystem("nas", directory));

        assertThat(report.ok()).isTrue();
        assertThat(report.checks()).extracting(CheckResult::name)
                .containsExactly(LocationValidator.DIRECTORY, LocationValidator.PROBE);
        try (var files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aMissingDirectoryFailsAndIsNotCreated() {
        Path mountPoint = directory.resolve("mnt/nas");

        ValidationReport report = validator.validate(LocationSpec.filesystem("nas", mountPoint));

        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo(LocationValidator.DIRECTORY);
            assertThat(failure.fix()).contains("mount the volume").contains("stowage.locations.nas.path");
        });
        assertThat(mountPoint).doesNotExist();
    }

    @Test
    void theSummaryListsEachCheckWithItsFix() {
        ValidationReport report = validator.validate(LocationSpec.filesystem("nas", directory.resolve("absent")));

        assertThat(report.summary()).startsWith("location nas (directory " + directory.resolve("absent") + "): FAILED")
                .contains("FAIL    directory").contains("fix: create it");
        assertThat(report.check(LocationValidator.DIRECTORY)).hasValueSatisfying(
                check -> assertThat(check.status()).isEqualTo(Status.FAIL));
    }

    @Test
    void theProbesRequestsAreCounted() {
        ValidationReport report = validator.validate(LocationSpec.filesystem("nas", directory));

        assertThat(report.counts().toMap()).containsEntry("PutObject", 1L).containsEntry("GetObject", 1L)
                .containsEntry("DeleteObject", 1L).containsEntry("HeadObject", 1L);
    }
}
