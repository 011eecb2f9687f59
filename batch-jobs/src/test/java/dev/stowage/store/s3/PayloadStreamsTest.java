package dev.stowage.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.store.Payload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK asks for a request body's stream more than once and need not close those it is done with: each
 * new stream closes the one before, and closing after the request closes the last.
 */
class PayloadStreamsTest {

    @TempDir
    Path directory;

    /** Streams opened and not yet closed. */
    private final AtomicInteger open = new AtomicInteger();

    private final PayloadStreams streams = new PayloadStreams(this::openCounted, 3);

    @Test
    void askingForANewStreamClosesThePreviousOne() {
        streams.newStream();

        streams.newStream();

        assertThat(open).hasValue(1);
    }

    @Test
    void closingAfterTheRequestClosesTheLastStream() {
        streams.newStream();
        streams.newStream();

        streams.close();

        assertThat(open).hasValue(0);
    }

    @Test
    void eachStreamReadsTheWholePayloadFromItsStart() throws IOException {
        Path file = Files.write(directory.resolve("pack"), new byte[] {1, 2, 3, 4});
        try (PayloadStreams fileStreams = PayloadStreams.of(Payload.ofFile(file, 4))) {
            assertThat(fileStreams.newStream().readAllBytes()).containsExactly(1, 2, 3, 4);
            assertThat(fileStreams.newStream().readAllBytes()).containsExactly(1, 2, 3, 4);
        }
    }

    private InputStream openCounted() {
        open.incrementAndGet();
        return new ByteArrayInputStream(new byte[] {1, 2, 3}) {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                }
            }
        };
    }
}
