package dev.stowage.store.testing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Copies HTTP bodies from one socket to another, whole or cut short, counting the bytes. */
final class HttpBodies {

    private HttpBodies() {
    }

    /**
     * Copies a body of {@code length} bytes ({@link HttpHead#CHUNKED} or {@link HttpHead#UNTIL_CLOSE}
     * allowed) and returns the payload bytes copied. {@code out} may be null to discard the body.
     */
    static long copy(InputStream in, OutputStream out, long length) throws IOException {
        if (length == HttpHead.CHUNKED) {
            return copyChunked(in, out);
        }
        if (length == HttpHead.UNTIL_CLOSE) {
            return copyFixed(in, out, Long.MAX_VALUE, true);
        }
        return copyFixed(in, out, length, false);
    }

    /** Copies the first {@code count} bytes of a fixed-length body (to cut it short after). */
    static long copyPrefix(InputStream in, OutputStream out, long count) throws IOException {
        return copyFixed(in, out, count, false);
    }

    private static long copyFixed(InputStream in, OutputStream out, long length, boolean untilClose)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < length) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, length - copied));
            if (read < 0) {
                if (untilClose) {
                    break;
                }
                throw new EOFException("body ended after " + copied + " of " + length + " bytes");
            }
            if (out != null) {
                out.write(buffer, 0, read);
            }
            copied += read;
        }
        if (out != null) {
            out.flush();
        }
        return copied;
    }

    private static long copyChunked(InputStream in, OutputStream out) throws IOException {
        long payload = 0;
        while (true) {
            String sizeLine = line(in);
            writeLine(out, sizeLine);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                // trailers until an empty line
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    writeLine(out, trailer);
                }
                writeLine(out, "");
                if (out != null) {
                    out.flush();
                }
                return payload;
            }
            payload += copyFixed(in, out, size, false);
            writeLine(out, line(in));
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("chunked body ended early");
            }
            if (b != '\r') {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        if (out != null) {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
