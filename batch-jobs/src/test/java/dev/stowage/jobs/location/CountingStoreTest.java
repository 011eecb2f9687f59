package dev.stowage.jobs.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.store.LocalFilesystemStore;
import dev.stowage.store.ObjectNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountingStoreTest {

    @TempDir
    Path dir;

    @Test
    void countsEachVerbUnderItsS3Name() {
        CountedStore counted = CountedStore.countingVerbs(new LocalFilesystemStore("local", dir));

        counted.store().put("a/1", new byte[] {1});
        counted.store().get("a/1");
        counted.store().getRange("a/1", 0, 1);
        counted.store().stat("a/1");
        counted.store().list("a/");
        counted.store().delete("a/1");

        assertThat(counted.operations().byKind()).containsExactly(Map.entry("PutObject", 1L),
                Map.entry("GetObject", 2L), Map.entry("HeadObject", 1L), Map.entry("ListObjectsV2", 1L),
                Map.entry("DeleteObject", 1L));
    }

    @Test
    void countsAListingAsOneRequestPerThousandKeys() {
        CountedStore counted = CountedStore.countingVerbs(new LocalFilesystemStore("local", dir));
        for (int i = 0; i < 1001; i++) {
            counted.store().put("k/" + i, new byte[0]);
        }

        counted.store().list("k/");

        assertThat(counted.operations().byKind()).containsEntry("ListObjectsV2", 2L);
    }

    @Test
    void countsAFailedRequestBecauseItIsBilled() {
        CountedStore counted = CountedStore.countingVerbs(new LocalFilesystemStore("local", dir));

        assertThatThrownBy(() -> counted.store().get("absent")).isInstanceOf(ObjectNotFoundException.class);

        assertThat(counted.operations().byKind()).containsExactly(Map.entry("GetObject", 1L));
    }
}
