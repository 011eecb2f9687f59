package dev.stowage.jobs.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}) on a free loopback port, and its
 * own exposition read back as series. Tests that need it are skipped where the binary is absent.
 */
public final class PushgatewayServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Process process;
    private final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A series as the Pushgateway exposes it: name, every label (grouping key included), value. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    private PushgatewayServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static PushgatewayServer start(Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), "skipped: " + BINARY + " is absent (install Debian's "
                + "prometheus-pushgateway package to run the metrics tests against a real Pushgateway)");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // Debian's build persists to a shared file by default: each test's Pushgateway must start empty
        Process process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("pushgateway.log").toFile()).start();
        PushgatewayServer server = new PushgatewayServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady();
        return server;
    }

    public URI url() {
        return url;
    }

    /** Polls {@code /-/ready}: at most 100 tries, 100 ms apart. */
    private void awaitReady() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Pushgateway exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the Pushgateway at " + url + " did not get ready");
    }

    /** Every series of its {@code /metrics} whose name starts with {@code prefix}. */
    public List<Series> series(String prefix) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(url.resolve("/metrics")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        List<Series> series = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith(prefix) && sample.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                series.add(new Series(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
        }
        return series;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
