package dev.stowage.kube.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.repository.Documents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TerminationMessageTest {

    private final MapDocuments documents = new MapDocuments();

    @Test
    void aSmallResultIsTheMessageItself() {
        WorkerResult result = result(2, 1);

        String message = TerminationMessage.encode(result, "doc", documents);

        assertThat(message).doesNotContain("\"doc\"");
        assertThat(TerminationMessage.decode(message, documents::get)).isEqualTo(result);
        assertThat(documents.stored).isEmpty();
    }

    @Test
    void warningLinesAreCutBeforeTheResultIsStoredElsewhere() {
        WorkerResult result = result(2, 200);

        WorkerResult decoded = TerminationMessage.decode(TerminationMessage.encode(result, "doc", documents),
                documents::get);

        assertThat(documents.stored).isEmpty();
        assertThat(decoded.volumes()).allSatisfy(v -> {
            assertThat(v.warnings()).hasSizeLessThanOrEqualTo(3);
            assertThat(v.warningCount()).isEqualTo(200);
        });
    }

    @Test
    void aResultTooLargeForTheMessageIsStoredAsADocumentAndReadBackWhole() {
        WorkerResult result = result(60, 0);

        String message = TerminationMessage.encode(result, "backup-daily-node-a-12", documents);

        assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(TerminationMessage.LIMIT);
        assertThat(documents.stored).containsKey(TerminationMessage.COLLECTION + "/backup-daily-node-a-12");
        assertThat(TerminationMessage.decode(message, documents::get)).isEqualTo(result);
    }

    @Test
    void aLongErrorIsCutToFit() {
        WorkerResult failure = WorkerResult.failure("x".repeat(10_000), List.of(), Map.of());

        String message = TerminationMessage.encode(failure, "doc", null);

        assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(TerminationMessage.LIMIT);
        assertThat(TerminationMessage.decode(message, documents::get).error()).startsWith("xxx");
    }

    @Test
    void anEmptyMessageIsNotAResult() {
        assertThatThrownBy(() -> TerminationMessage.decode("", documents::get))
                .hasMessageContaining("no termination message");
    }

    @Test
    void documentNamesKeepOnlyWhatDocumentsAllow() {
        assertThat(TerminationMessage.documentName("backup-daily 1/node-a.example")).isEqualTo("backup-daily_1_node-a.example");
    }

    private static WorkerResult result(int volumes, int warnings) {
        List<VolumeResult> results = new ArrayList<>();
        for (int i = 0; i < volumes; i++) {
            List<String> lines = IntStream.range(0, warnings).mapToObj(w -> "unable to read file-" + w + ": denied").toList();
            results.add(new VolumeResult("namespace-" + i + "/claim-" + i, VolumeResult.COMPLETED, "a".repeat(64),
                    "b".repeat(64), new VolumeStats(10, 2, 1, 1000, 500, 400, 1, 2000), lines, warnings, null, false));
        }
        return new WorkerResult(WorkerSpec.VERSION, results, Map.of("PutObject", 3L), null);
    }

    /** Documents in a map: what {@link TerminationMessage} stores, and nothing else. */
    private static final class MapDocuments implements Documents {
        final Map<String, byte[]> stored = new HashMap<>();

        @Override
        public void put(String collection, String name, byte[] content) {
            stored.put(collection + "/" + name, content.clone());
        }

        @Override
        public Optional<byte[]> get(String collection, String name) {
            return Optional.ofNullable(stored.get(collection + "/" + name));
        }

        @Override
        public List<String> list(String collection) {
            return Collections.emptyList();
        }

        @Override
        public void delete(String collection, String name) {
            stored.remove(collection + "/" + name);
        }
    }
}
