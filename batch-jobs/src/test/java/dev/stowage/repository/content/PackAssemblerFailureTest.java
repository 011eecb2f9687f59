package dev.stowage.repository.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.RepositoryOptions;
import dev.stowage.repository.pack.EncodedBlob;
import dev.stowage.repository.pack.PackBuilder;
import dev.stowage.store.LocalFilesystemStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack whose output fails while a blob is appended may hold part of that blob: the assembler takes it out
 * and abandons it at once, so no other thread's blob, flush or finish can upload bytes its entries do not
 * describe.
 */
class PackAssemblerFailureTest {

    @TempDir
    Path root;

    private RepositoryContentStore repo;
    private final List<PackAssembler.Detached> abandoned = new ArrayList<>();
    private final List<PartlyFailingOutput> outputs = new ArrayList<>();
    private PackAssembler assembler;

    @BeforeEach
    void openRepository() {
        repo = (RepositoryContentStore) ContentStores.init(new LocalFilesystemStore("local", root),
                "pw".toCharArray(), RepositoryOptions.forTests());
        assembler = new PackAssembler(BlobType.DATA, 1 << 20, type -> {
            PartlyFailingOutput output = new PartlyFailingOutput();
            outputs.add(output);
            return new PackBuilder(type, output);
        }, (pack, cause) -> abandoned.add(pack));
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void aPackWhoseAppendFailedCanNoLongerBeDetachedForUpload() {
        Claim first = appendBlob(1);
        outputs.get(0).failNextWrite();

        assertThatThrownBy(() -> appendBlob(2)).isInstanceOf(IllegalStateException.class);

        assertThat(assembler.detach()).isNull();
        assertThat(assembler.detachIfHolding(first)).isNull();
    }

    @Test
    void aPackWhoseAppendFailedIsAbandonedWithTheClaimsOfItsEarlierBlobs() {
        Claim first = appendBlob(1);
        outputs.get(0).failNextWrite();

        assertThatThrownBy(() -> appendBlob(2)).isInstanceOf(IllegalStateException.class);

        assertThat(abandoned).singleElement().satisfies(pack -> assertThat(pack.claims()).containsExactly(first));
    }

    @Test
    void theBlobAfterAFailedAppendStartsANewPack() {
        appendBlob(1);
        outputs.get(0).failNextWrite();
        assertThatThrownBy(() -> appendBlob(2)).isInstanceOf(IllegalStateException.class);

        Claim third = appendBlob(3);

        assertThat(outputs).hasSize(2);
        assertThat(assembler.detach().claims()).containsExactly(third);
    }

    private Claim appendBlob(int seed) {
        byte[] data = TestData.random(seed, 1000);
        BlobId id = repo.idOf(data, 0, data.length);
        EncodedBlob encoded = repo.codec().encode(BlobType.DATA, id, data, 0, data.length);
        Claim claim = new Claim(id, BlobType.DATA, null);
        assembler.append(id, encoded, claim);
        return claim;
    }
}
