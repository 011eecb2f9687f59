package dev.stowage.store.testing;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP/1.1 proxy on loopback between an S3 client and S3Proxy that fails a chosen fraction of
 * requests — 503 SlowDown, a connection reset in the middle of a body, a response held back — and
 * records what passed: requests by S3 operation, body bytes, and the most PUTs (PutObject, UploadPart)
 * in flight at once, seen from the server's side.
 *
 * <pre>
 * try (var proxy = FaultInjectingProxy.to(s3.endpoint()).inject(Fault.SLOW_DOWN, 0.3)) {
 *     // point the store at proxy.endpoint()
 * }
 * </pre>
 * A PUT counts as in flight from the moment its head arrives until the server's answer arrives, and
 * is no longer counted by the time the client can see that answer, so the maximum never exceeds the
 * number of uploads the client really had open.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    public enum Fault {
        /** answer 503 SlowDown without forwarding */
        SLOW_DOWN,
        /** reset the connection halfway through the request body, or else the response body */
        RESET_MID_BODY,
        /** forward, then hold the response back for {@link #slowResponseDelay} */
        SLOW_RESPONSE
    }

    private record Rule(Fault fault, double fraction, Set<String> operations) {
        boolean applies(String operation) {
            return operations.isEmpty() || operations.contains(operation);
        }
    }

    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Random random = new Random(42);
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Fault, LongAdder> faults = new ConcurrentHashMap<>();
    private final AtomicLong requestBytes = new AtomicLong();
    private final AtomicLong responseBytes = new AtomicLong();
    private final PutWindow puts = new PutWindow();
    private volatile Duration slowResponseDelay = Duration.ofMillis(200);

    private FaultInjectingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Starts a proxy in front of a loopback HTTP endpoint. */
    public static FaultInjectingProxy to(URI upstream) {
        try {
            return new FaultInjectingProxy(upstream.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("unable to open the proxy's port", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Fails {@code fraction} of the requests for {@code operations} (all when none) with {@code fault}. */
    public FaultInjectingProxy inject(Fault fault, double fraction, String... operations) {
        rules.add(new Rule(fault, fraction, Set.of(operations)));
        return this;
    }

    public FaultInjectingProxy slowResponseDelay(Duration delay) {
        this.slowResponseDelay = delay;
        return this;
    }

    public void clearFaults() {
        rules.clear();
    }

    /** Requests received, by S3 operation name, faulted ones included. */
    public Map<String, Long> requestsByOperation() {
        Map<String, Long> result = new TreeMap<>();
        requests.forEach((operation, count) -> result.put(operation, count.sum()));
        return result;
    }

    public long faultsInjected(Fault fault) {
        LongAdder count = faults.get(fault);
        return count == null ? 0 : count.sum();
    }

    public long requestBodyBytes() {
        return requestBytes.get();
    }

    public long responseBodyBytes() {
        return responseBytes.get();
    }

    /** The most PutObject and UploadPart requests the server side had open at once. */
    public int maxConcurrentPuts() {
        return puts.max();
    }

    public void resetStatistics() {
        requests.clear();
        faults.clear();
        requestBytes.set(0);
        responseBytes.set(0);
        puts.resetMax();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(FaultInjectingProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Connection connection = new Connection(client);
        try {
            while (connection.relayOne()) {
                // next request on the same connection
            }
        } catch (IOException | RuntimeException e) {
            // a peer went away or a fault cut the connection: this connection is done
        } finally {
            connection.close();
        }
    }

    private Fault pick(String operation) {
        for (Rule rule : rules) {
            if (rule.applies(operation)) {
                double draw;
                synchronized (random) {
                    draw = random.nextDouble();
                }
                if (draw < rule.fraction()) {
                    faults.computeIfAbsent(rule.fault(), f -> new LongAdder()).increment();
                    return rule.fault();
                }
            }
        }
        return null;
    }

    /** One client connection and the upstream connection it uses. */
    private final class Connection {
        private final Socket client;
        private Socket upstream;
        private InputStream fromClient;
        private OutputStream toClient;
        private InputStream fromServer;
        private OutputStream toServer;

        Connection(Socket client) {
            this.client = client;
        }

        /** Relays one request and its response; false when the connection is finished. */
        boolean relayOne() throws IOException {
            if (fromClient == null) {
                fromClient = new BufferedInputStream(client.getInputStream());
                toClient = new BufferedOutputStream(client.getOutputStream());
            }
            HttpHead request = HttpHead.read(fromClient);
            if (request == null) {
                return false;
            }
            if ("100-continue".equalsIgnoreCase(request.header("Expect"))) {
                toClient.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                toClient.flush();
                request = request.without("Expect");
            }
            String operation = S3RequestNames.of(request);
            requests.computeIfAbsent(operation, o -> new LongAdder()).increment();
            PutWindow.Slot slot = puts.open(operation);
            try {
                return relay(request, pick(operation), slot, fromClient, toClient);
            } finally {
                slot.close();
            }
        }

        private boolean relay(HttpHead request, Fault fault, PutWindow.Slot slot, InputStream fromClient,
                OutputStream toClient) throws IOException {
            long requestLength = request.requestBodyLength();
            if (fault == Fault.SLOW_DOWN) {
                requestBytes.addAndGet(HttpBodies.copy(fromClient, null, requestLength));
                slot.close();
                writeSlowDown(toClient, "HEAD".equals(request.method()));
                return true;
            }
            if (fault == Fault.RESET_MID_BODY && requestLength > 0) {
                requestBytes.addAndGet(HttpBodies.copyPrefix(fromClient, null, requestLength / 2));
                slot.close();
                reset(client);
                return false;
            }
            connectUpstream();
            request.write(toServer);
            requestBytes.addAndGet(HttpBodies.copy(fromClient, toServer, requestLength));
            toServer.flush();
            HttpHead response = HttpHead.read(fromServer);
            slot.close();
            if (response == null) {
                reset(client);
                return false;
            }
            long responseLength = response.responseBodyLength(request.method());
            if (fault == Fault.SLOW_RESPONSE) {
                pause(slowResponseDelay);
            }
            if (fault == Fault.RESET_MID_BODY) {
                response.write(toClient);
                if (responseLength > 0) {
                    responseBytes.addAndGet(HttpBodies.copyPrefix(fromServer, toClient, responseLength / 2));
                }
                toClient.flush();
                reset(client);
                return false;
            }
            response.write(toClient);
            responseBytes.addAndGet(HttpBodies.copy(fromServer, toClient, responseLength));
            toClient.flush();
            if (responseLength == HttpHead.UNTIL_CLOSE || response.closesConnection()) {
                closeQuietly(upstream);
                upstream = null;
                return responseLength != HttpHead.UNTIL_CLOSE;
            }
            return true;
        }

        private void connectUpstream() throws IOException {
            if (upstream == null || upstream.isClosed()) {
                upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(upstream);
                fromServer = new BufferedInputStream(upstream.getInputStream());
                toServer = new BufferedOutputStream(upstream.getOutputStream());
            }
        }

        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
            sockets.remove(client);
            if (upstream != null) {
                sockets.remove(upstream);
            }
        }
    }

    /** A 503 SlowDown as S3 sends it; a HEAD answer carries the length but no body. */
    private static void writeSlowDown(OutputStream out, boolean head) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
        String start = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        out.write(start.getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    /** Closes with an RST instead of a FIN: what a crashed server or a dropped NAT entry looks like. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // close anyway
        }
        closeQuietly(socket);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
