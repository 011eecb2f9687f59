package dev.stowage.perf.vsrestic;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stowage.store.metering.CostClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counting proxy in front of a minimal HTTP server standing in for S3 (it answers every request with a body). */
class CountingS3ProxyTest {
    private static final int ANSWER_BYTES = 300;

    private HttpServer upstream;
    private CountingS3Proxy proxy;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                body.readAllBytes();
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : ANSWER_BYTES);
                if (!head) {
                    out.write(new byte[ANSWER_BYTES]);
                }
            }
        });
        upstream.start();
        proxy = new CountingS3Proxy(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void countsRequestsByOperationAndB2ClassAndBodyBytesEachWay() throws Exception {
        send(HttpRequest.newBuilder(uri("/bucket/data/pack")).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1000])));
        send(HttpRequest.newBuilder(uri("/bucket/data/pack")).GET());
        send(HttpRequest.newBuilder(uri("/bucket?list-type=2&prefix=index/")).GET());

        Traffic traffic = proxy.traffic();

        assertThat(traffic.count("PutObject")).isEqualTo(1);
        assertThat(traffic.count("GetObject")).isEqualTo(1);
        assertThat(traffic.count("ListObjectsV2")).isEqualTo(1);
        assertThat(traffic.inClass(CostClass.A)).isEqualTo(1);
        assertThat(traffic.inClass(CostClass.B)).isEqualTo(1);
        assertThat(traffic.inClass(CostClass.C)).isEqualTo(1);
        assertThat(traffic.bytesUp()).isEqualTo(1000);
        assertThat(traffic.bytesDown()).isEqualTo(3L * ANSWER_BYTES);
    }

    @Test
    void aResetStartsTheCountsAfresh() throws Exception {
        send(HttpRequest.newBuilder(uri("/bucket/keys/k")).GET());

        proxy.reset();

        assertThat(proxy.traffic().total()).isZero();
    }

    private URI uri(String target) {
        return URI.create(proxy.endpoint() + target);
    }

    private void send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
