package dev.stowage.repository.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.repository.BackupStats;
import dev.stowage.repository.SnapshotSource;
import dev.stowage.repository.content.BlobId;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of a snapshot manifest, version 1 (docs/FORMAT-snapshot.md, "Snapshot manifests").
 * Written field by field rather than by reflection, so renaming a Java record never changes the
 * format; unknown fields are ignored on read so later versions can add some.
 */
public final class ManifestCodec {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestCodec() {
    }

    public static byte[] encode(SnapshotManifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("tree", manifest.tree().hex());
        root.put("time", manifest.time().toString());
        root.put("parent", manifest.parentId());
        ObjectNode source = root.putObject("source");
        source.put("kind", manifest.source().kind());
        source.put("identity", manifest.source().identity());
        source.put("host", manifest.source().host());
        ObjectNode labels = source.putObject("labels");
        manifest.source().labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
        BackupStats s = manifest.stats();
        ObjectNode stats = root.putObject("stats");
        stats.put("files", s.files());
        stats.put("directories", s.directories());
        stats.put("filesUnchanged", s.filesUnchanged());
        stats.put("bytesRead", s.bytesRead());
        stats.put("bytesNew", s.bytesNew());
        stats.put("bytesUploaded", s.bytesUploaded());
        stats.put("packsUploaded", s.packsUploaded());
        stats.put("totalBytes", s.totalBytes());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("unable to encode a snapshot manifest", e);
        }
    }

    public static SnapshotManifest decode(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new SnapshotFormatException("manifest is not JSON: " + e.getMessage());
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new SnapshotFormatException("manifest version " + version + " is not supported by this Stowage "
                    + "(it reads version " + VERSION + "); upgrade Stowage to read this snapshot");
        }
        JsonNode source = root.path("source");
        Map<String, String> labels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = source.path("labels").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        JsonNode s = root.path("stats");
        BackupStats stats = new BackupStats(s.path("files").asLong(), s.path("directories").asLong(),
                s.path("filesUnchanged").asLong(), s.path("bytesRead").asLong(), s.path("bytesNew").asLong(),
                s.path("bytesUploaded").asLong(), s.path("packsUploaded").asLong(), s.path("totalBytes").asLong());
        try {
            return new SnapshotManifest(BlobId.parse(required(root, "tree")),
                    new SnapshotSource(required(source, "kind"), required(source, "identity"),
                            text(source, "host"), labels),
                    Instant.parse(required(root, "time")), text(root, "parent"), stats);
        } catch (SnapshotFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SnapshotFormatException("manifest field does not parse: " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new SnapshotFormatException("manifest lacks '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
