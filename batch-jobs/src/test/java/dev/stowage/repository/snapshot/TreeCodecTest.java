package dev.stowage.repository.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.content.BlobId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeCodecTest {
    private static final BlobId ID_A = BlobId.of(filled(0xAA));
    private static final BlobId ID_B = BlobId.of(filled(0xBB));

    @Test
    void encodesAFileEntryByteForByteAsDocumented() {
        Node file = new Node("a", NodeType.FILE, 0644, 1000, 1000, 1L, 2L, 300, 5, 3, null,
                List.of(new BlobRef(ID_A, 3)), null);

        byte[] encoded = TreeCodec.encode(new Tree(List.of(file)));

        String expected = "53545754" + "01" + "01"          // magic, version, one entry
                + "01" + "0161"                             // type file, name "a"
                + "a403" + "e807" + "e807"                  // mode 0644, uid 1000, gid 1000 (LEB128)
                + "0000000000000001" + "0000000000000002"   // mtime, ctime (ns, big-endian)
                + "ac02" + "05" + "03"                      // inode 300, device 5, size 3
                + "01" + "aa".repeat(32) + "03"             // one blob: id, length 3
                + "00";                                     // no extension
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(expected);
    }

    @Test
    void decodesWhatItEncodesForEveryEntryType() {
        Tree tree = Tree.sorted(List.of(
                new Node("file", NodeType.FILE, 04755, 0, 0, -5L, 1_700_000_000_123_456_789L, Long.MAX_VALUE,
                        4294967295L, 2_000_000, null, List.of(new BlobRef(ID_A, 1_000_000), new BlobRef(ID_B,
                        1_000_000)), null),
                new Node("dir", NodeType.DIRECTORY, 01777, 1, 2, 3, 4, 5, 6, 4096, null, List.of(), ID_B),
                new Node("link", NodeType.SYMLINK, 0777, 1, 2, 3, 4, 5, 6, 9, "../tärget", List.of(), null),
                new Node("empty", NodeType.FILE, 0, 1, 2, 3, 4, 5, 6, 0, null, List.of(), null)));

        assertThat(TreeCodec.decode(TreeCodec.encode(tree))).isEqualTo(tree);
    }

    @Test
    void skipsExtensionBytesThatALaterVersionMayWrite() {
        byte[] encoded = TreeCodec.encode(new Tree(List.of(
                new Node("d", NodeType.DIRECTORY, 0755, 0, 0, 0, 0, 0, 0, 0, null, List.of(), ID_A))));
        byte[] extended = Arrays.copyOf(encoded, encoded.length + 3);
        extended[encoded.length - 1] = 3; // extension length 3, then three bytes of a future field
        extended[encoded.length] = 9;

        assertThat(TreeCodec.decode(extended).nodes().get(0).subtree()).isEqualTo(ID_A);
    }

    @Test
    void refusesATruncatedTree() {
        byte[] encoded = TreeCodec.encode(new Tree(List.of(
                new Node("d", NodeType.DIRECTORY, 0755, 0, 0, 0, 0, 0, 0, 0, null, List.of(), ID_A))));

        assertThatThrownBy(() -> TreeCodec.decode(Arrays.copyOf(encoded, encoded.length - 10)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void refusesANewerVersionWithAnUpgradeHint() {
        byte[] encoded = TreeCodec.encode(Tree.EMPTY);
        encoded[4] = 2;

        assertThatThrownBy(() -> TreeCodec.decode(encoded)).isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("version 2").hasMessageContaining("upgrade");
    }

    @Test
    void refusesAnEntryCountLargerThanTheBytesCouldHold() {
        byte[] encoded = {'S', 'T', 'W', 'T', 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};

        assertThatThrownBy(() -> TreeCodec.decode(encoded)).isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("entry count");
    }

    @Test
    void sortsNamesByUtf8BytesNotUtf16Units() {
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F680 (F0 9F 9A 80), although as UTF-16
        // the rocket's surrogate D83D sorts first.
        Node rocket = new Node("\uD83D\uDE80", NodeType.FILE, 0, 0, 0, 0, 0, 0, 0, 0, null, List.of(), null);
        Node tilde = new Node("\uFF5E", NodeType.FILE, 0, 0, 0, 0, 0, 0, 0, 0, null, List.of(), null);

        assertThat(Tree.sorted(List.of(rocket, tilde)).nodes()).containsExactly(tilde, rocket);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
