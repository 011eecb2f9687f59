package dev.stowage.perf.vsrestic;

import dev.stowage.store.testing.HttpHead;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A reverse proxy on loopback in front of an S3 server that counts what passes: requests by S3
 * operation, body bytes each way, and the most requests (and uploads) in flight at once. Both tools
 * of the benchmark talk to it, so their counts come from the same place, the server's side.
 *
 * <p>A request is in flight from the moment its head arrives until the server's answer head arrives,
 * which is what an S3 server experiences as concurrency. The benchmark's own test tool
 * ({@code FaultInjectingProxy}) counts only uploads in flight and keeps its classifier to itself,
 * hence this small one.
 */
final class CountingS3Proxy implements AutoCloseable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder bytesUp = new LongAdder();
    private final LongAdder bytesDown = new LongAdder();
    private final Window inFlight = new Window();
    private final Window putsInFlight = new Window();
    private volatile java.io.PrintStream trace;

    CountingS3Proxy(URI upstream) throws IOException {
        this.upstreamPort = upstream.getPort();
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** What passed since the last reset. */
    Traffic traffic() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        requests.forEach((operation, count) -> counts.put(operation, count.sum()));
        return new Traffic(counts, bytesUp.sum(), bytesDown.sum(), inFlight.max(), putsInFlight.max());
    }

    /** Writes every request's operation and target to {@code out} from now on (null: stop). */
    void trace(java.io.PrintStream out) {
        this.trace = out;
    }

    void reset() {
        requests.clear();
        bytesUp.reset();
        bytesDown.reset();
        inFlight.resetMax();
        putsInFlight.resetMax();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        byte[] buffer = new byte[128 * 1024];
        try (client) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream(), 64 * 1024);
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream(), 64 * 1024);
            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            upstream.setTcpNoDelay(true);
            sockets.add(upstream);
            InputStream fromServer = new BufferedInputStream(upstream.getInputStream(), 64 * 1024);
            OutputStream toServer = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024);
            while (relayOne(fromClient, toClient, fromServer, toServer, buffer)) {
                // the next request on this keep-alive connection
            }
        } catch (IOException | RuntimeException e) {
            // a peer went away: this connection is finished
        } finally {
            sockets.remove(client);
            if (upstream != null) {
                sockets.remove(upstream);
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** Relays one request and its answer; false when the connection is finished. */
    private boolean relayOne(InputStream fromClient, OutputStream toClient, InputStream fromServer,
            OutputStream toServer, byte[] buffer) throws IOException {
        HttpHead request = HttpHead.read(fromClient);
        if (request == null) {
            return false;
        }
        if ("100-continue".equalsIgnoreCase(request.header("Expect"))) {
            // answered here so the body streams straight through; S3Proxy would accept it anyway
            toClient.write(CONTINUE);
            toClient.flush();
            request = request.without("Expect");
        }
        String operation = S3Operations.of(request.method(), request.target(),
                request.header("x-amz-copy-source") != null);
        requests.computeIfAbsent(operation, o -> new LongAdder()).increment();
        java.io.PrintStream out = trace;
        if (out != null) {
            out.println(operation + " " + request.target());
        }
        boolean upload = operation.equals("PutObject") || operation.equals("UploadPart");
        inFlight.open();
        if (upload) {
            putsInFlight.open();
        }
        HttpHead response;
        try {
            request.write(toServer);
            bytesUp.add(HttpHead.copyBody(fromClient, toServer, request.requestBodyLength(), buffer));
            toServer.flush();
            response = HttpHead.read(fromServer);
        } finally {
            inFlight.close();
            if (upload) {
                putsInFlight.close();
            }
        }
        if (response == null) {
            return false;
        }
        long length = response.responseBodyLength(request.method());
        response.write(toClient);
        bytesDown.add(HttpHead.copyBody(fromServer, toClient, length, buffer));
        toClient.flush();
        return length != HttpHead.UNTIL_CLOSE && !response.closesConnection();
    }

    /** A count of things open now and the most ever open at once. */
    private static final class Window {
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicLong max = new AtomicLong();

        void open() {
            int now = open.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
        }

        void close() {
            open.decrementAndGet();
        }

        int max() {
            return (int) max.get();
        }

        void resetMax() {
            max.set(open.get());
        }
    }
}
