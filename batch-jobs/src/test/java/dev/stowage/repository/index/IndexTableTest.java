package dev.stowage.repository.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.repository.content.BlobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexTableTest {

    @Test
    void findsEveryOneOfManyEntriesAndNothingElse() {
        IndexTable table = new IndexTable();
        Random random = new Random(1);
        List<byte[]> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            ids.add(id);
            assertThat(table.add(id, 0, i % 77, i % 2, i, i + 1, i + 2)).isTrue();
        }

        for (int i = 0; i < ids.size(); i++) {
            int entry = table.find(ids.get(i), 0);
            assertThat(entry).isEqualTo(i);
            assertThat(table.pack(entry)).isEqualTo(i % 77);
            assertThat(table.offset(entry)).isEqualTo(i);
            assertThat(table.storedLength(entry)).isEqualTo(i + 1);
            assertThat(table.plainLength(entry)).isEqualTo(i + 2);
            assertThat(table.compression(entry)).isEqualTo(i % 2);
        }
        byte[] unknown = new byte[32];
        random.nextBytes(unknown);
        assertThat(table.find(unknown, 0)).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(100_000);
    }

    @Test
    void firstEntryForAnIdWins() {
        IndexTable table = new IndexTable();
        byte[] id = new byte[32];
        id[5] = 9;

        table.add(id, 0, 1, 0, 10, 20, 30);
        boolean added = table.add(id, 0, 2, 0, 11, 21, 31);

        assertThat(added).isFalse();
        assertThat(table.pack(table.find(BlobId.of(id)))).isEqualTo(1);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void idsSharingTheirHashBytesAreStillTellApart() {
        IndexTable table = new IndexTable();
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[31] = 1;

        table.add(first, 0, 0, 0, 1, 1, 1);
        table.add(second, 0, 0, 0, 2, 2, 2);

        assertThat(table.offset(table.find(first, 0))).isEqualTo(1);
        assertThat(table.offset(table.find(second, 0))).isEqualTo(2);
    }
}
