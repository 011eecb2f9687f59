package dev.stowage.store.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start line and headers of an HTTP/1.1 message, as read off a socket, and how long its body is.
 * Just enough HTTP for the test proxies ({@link FaultInjectingProxy}, and the benchmark's counting proxy):
 * Content-Length and chunked bodies, and copying them.
 */
public final class HttpHead {

    /** Body length when the body is chunked. */
    public static final long CHUNKED = -1;
    /** Body length when the body runs until the connection closes. */
    public static final long UNTIL_CLOSE = -2;

    private final String startLine;
    private final List<String[]> headers;

    private HttpHead(String startLine, List<String[]> headers) {
        this.startLine = startLine;
        this.headers = headers;
    }

    /** Reads a head; null when the peer closed the connection before sending one. */
    public static HttpHead read(InputStream in) throws IOException {
        String startLine = readLine(in);
        if (startLine == null) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        return new HttpHead(startLine, headers);
    }

    public String startLine() {
        return startLine;
    }

    public String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    public String target() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? parts[1] : "/";
    }

    public int status() {
        return Integer.parseInt(startLine.split(" ")[1]);
    }

    public String header(String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return header[1];
            }
        }
        return null;
    }

    public HttpHead without(String name) {
        return new HttpHead(startLine, headers.stream().filter(h -> !h[0].equalsIgnoreCase(name)).toList());
    }

    /** Body length of a request: requests without a length have no body. */
    public long requestBodyLength() {
        if (isChunked()) {
            return CHUNKED;
        }
        String length = header("Content-Length");
        return length == null ? 0 : Long.parseLong(length);
    }

    /** Body length of a response to {@code requestMethod}. */
    public long responseBodyLength(String requestMethod) {
        int status = status();
        if ("HEAD".equals(requestMethod) || status / 100 == 1 || status == 204 || status == 304) {
            return 0;
        }
        if (isChunked()) {
            return CHUNKED;
        }
        String length = header("Content-Length");
        return length == null ? UNTIL_CLOSE : Long.parseLong(length);
    }

    public boolean closesConnection() {
        String connection = header("Connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }

    public void write(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (String[] header : headers) {
            text.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        out.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private boolean isChunked() {
        String encoding = header("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** Copies a body of {@code length} bytes (or {@link #CHUNKED}, {@link #UNTIL_CLOSE}); returns its payload bytes. */
    public static long copyBody(InputStream in, OutputStream out, long length, byte[] buffer) throws IOException {
        if (length == CHUNKED) {
            return copyChunked(in, out, buffer);
        }
        long copied = 0;
        long limit = length == UNTIL_CLOSE ? Long.MAX_VALUE : length;
        while (copied < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (read < 0) {
                if (length == UNTIL_CLOSE) {
                    break;
                }
                throw new EOFException("body ended after " + copied + " of " + length + " bytes");
            }
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    private static long copyChunked(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        long payload = 0;
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("chunked body ended early");
            }
            writeLine(out, sizeLine);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    writeLine(out, trailer);
                }
                writeLine(out, "");
                return payload;
            }
            payload += copyBody(in, out, size, buffer);
            writeLine(out, readLine(in));
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
