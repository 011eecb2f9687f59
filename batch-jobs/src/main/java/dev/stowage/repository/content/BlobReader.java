package dev.stowage.repository.content;

import dev.stowage.repository.CorruptDataException;
import dev.stowage.repository.index.BlobLocation;
import dev.stowage.repository.pack.BlobCodec;
import dev.stowage.repository.pack.BlobDecodeException;
import dev.stowage.store.ObjectNotFoundException;
import dev.stowage.store.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches stored blobs by ranged reads and decodes them; failures name the pack. Many blobs are read
 * pack by pack, neighbours merged into one request when the gap between them is small: a request
 * costs more (latency, per-request price) than reading a few hundred KiB more.
 */
final class BlobReader {

    /** Blobs closer than this are fetched by one ranged read, the gap read and discarded. */
    static final int MAX_GAP = 1024 * 1024;
    /** Largest single ranged read, which bounds the memory of a bulk read. */
    static final int MAX_RUN = 32 * 1024 * 1024;

    record Located(BlobId id, BlobLocation location) {
    }

    /** A thread's read buffer grows in steps of this, so packs of slightly different sizes do not each reallocate it. */
    private static final int BUFFER_STEP = 1024 * 1024;

    private final ObjectStore store;
    private final BlobCodec codec;
    /**
     * Per thread: the buffers a bulk read into a {@link BlobBufferSink} (a restore's pack tasks) reads a run
     * and decodes its blobs into, grown to the largest run and blob the thread has seen and reused for the
     * next pack. A new array of up to {@link #MAX_RUN} per pack made the collector's work and a restore's
     * peak memory grow with the heap's ceiling. Per thread, so concurrent readers never share a buffer;
     * the restore's threads end with the restore, and their buffers with them. Other sinks keep the
     * buffers of their blobs, and get arrays of their own.
     */
    private final ThreadLocal<RunBuffers> runBuffers = ThreadLocal.withInitial(RunBuffers::new);

    BlobReader(ObjectStore store, BlobCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    byte[] read(BlobId id, BlobLocation location) {
        byte[] stored = fetch(location.packKey(), location.offset(), location.storedLength(), id);
        return decode(id, location, stored, 0);
    }

    void readAll(List<Located> blobs, BlobSink sink) {
        Map<String, List<Located>> byPack = new LinkedHashMap<>();
        for (Located blob : blobs) {
            byPack.computeIfAbsent(blob.location().packKey(), key -> new ArrayList<>()).add(blob);
        }
        for (List<Located> pack : byPack.values()) {
            pack.sort(Comparator.comparingInt(blob -> blob.location().offset()));
            int start = 0;
            while (start < pack.size()) {
                int end = runEnd(pack, start);
                readRun(pack.subList(start, end), sink);
                start = end;
            }
        }
    }

    /** Exclusive end of the run of blobs from {@code start} that one ranged read should fetch. */
    private static int runEnd(List<Located> pack, int start) {
        long runStart = pack.get(start).location().offset();
        long runEnd = runStart + pack.get(start).location().storedLength();
        int end = start + 1;
        while (end < pack.size()) {
            BlobLocation next = pack.get(end).location();
            long nextEnd = Math.max(runEnd, (long) next.offset() + next.storedLength());
            if (next.offset() - runEnd > MAX_GAP || nextEnd - runStart > MAX_RUN) {
                break;
            }
            runEnd = nextEnd;
            end++;
        }
        return end;
    }

    private void readRun(List<Located> run, BlobSink sink) {
        int runStart = run.get(0).location().offset();
        long runEnd = 0;
        for (Located blob : run) {
            runEnd = Math.max(runEnd, (long) blob.location().offset() + blob.location().storedLength());
        }
        int length = (int) (runEnd - runStart);
        if (sink instanceof BlobBufferSink buffered) {
            RunBuffers buffers = borrowBuffers();
            try {
                byte[] bytes = fetchOrFail(run, runStart, length, buffers.stored(length), sink);
                if (bytes != null) {
                    decodeInto(run, bytes, runStart, buffered, buffers);
                }
            } finally {
                buffers.busy = false;
            }
            return;
        }
        byte[] bytes = fetchOrFail(run, runStart, length, null, sink);
        if (bytes == null) {
            return;
        }
        for (Located blob : run) {
            byte[] plaintext;
            try {
                plaintext = decode(blob.id(), blob.location(), bytes, blob.location().offset() - runStart);
            } catch (CorruptDataException e) {
                sink.failed(blob.id(), e);
                continue;
            }
            sink.accept(blob.id(), plaintext);
        }
    }

    /** The run's bytes, or null when its pack could not be read: then every blob of the run has failed. */
    private byte[] fetchOrFail(List<Located> run, int runStart, int length, byte[] into, BlobSink sink) {
        try {
            return fetch(run.get(0).location().packKey(), runStart, length, run.get(0).id(), into);
        } catch (CorruptDataException e) {
            run.forEach(blob -> sink.failed(blob.id(), e));
            return null;
        }
    }

    /**
     * This thread's buffers, or new ones when they are in use: a sink that read blobs again from inside
     * {@code accept} must not have the bytes it is being handed overwritten.
     */
    private RunBuffers borrowBuffers() {
        RunBuffers buffers = runBuffers.get();
        if (buffers.busy) {
            buffers = new RunBuffers();
        }
        buffers.busy = true;
        return buffers;
    }

    /** Decodes a run's blobs one after the other into one buffer, sized once for the largest. */
    private void decodeInto(List<Located> run, byte[] bytes, int runStart, BlobBufferSink sink, RunBuffers buffers) {
        int largest = 0;
        for (Located blob : run) {
            largest = Math.max(largest, blob.location().plainLength());
        }
        byte[] plain = buffers.plain(largest);
        for (Located blob : run) {
            int length;
            try {
                length = decodeInto(blob.id(), blob.location(), bytes, blob.location().offset() - runStart, plain);
            } catch (CorruptDataException e) {
                sink.failed(blob.id(), e);
                continue;
            }
            sink.accept(blob.id(), plain, length);
        }
    }

    private byte[] fetch(String packKey, long offset, int length, BlobId forBlob) {
        return fetch(packKey, offset, length, forBlob, null);
    }

    /** The range in {@code into[0, length)}, or in an array of its own when {@code into} is null. */
    private byte[] fetch(String packKey, long offset, int length, BlobId forBlob, byte[] into) {
        byte[] bytes;
        int read;
        try {
            if (into == null) {
                bytes = store.getRange(packKey, offset, length);
                read = bytes.length;
            } else {
                bytes = into;
                read = store.getRange(packKey, offset, length, into);
            }
        } catch (ObjectNotFoundException e) {
            throw new CorruptDataException(packKey, "pack " + packKey + ", which the index lists for blob " + forBlob
                    + ", is missing from location " + store.location() + "; run a repository check", e);
        }
        if (read != length) {
            throw new CorruptDataException(packKey, "pack " + packKey + " at location " + store.location()
                    + " ends before offset " + (offset + length) + " where blob " + forBlob
                    + " should end (truncated); run a repository check", null);
        }
        return bytes;
    }

    private byte[] decode(BlobId id, BlobLocation location, byte[] bytes, int offset) {
        try {
            return codec.decode(location.toEntry(id), bytes, offset);
        } catch (BlobDecodeException e) {
            throw damaged(id, location, e);
        }
    }

    private int decodeInto(BlobId id, BlobLocation location, byte[] bytes, int offset, byte[] out) {
        try {
            return codec.decodeInto(location.toEntry(id), bytes, offset, out);
        } catch (BlobDecodeException e) {
            throw damaged(id, location, e);
        }
    }

    private CorruptDataException damaged(BlobId id, BlobLocation location, BlobDecodeException e) {
        return new CorruptDataException(location.packKey(), "blob " + id + " at offset " + location.offset()
                + " of pack " + location.packKey() + " at location " + store.location() + " "
                + e.getMessage() + " (damaged or tampered); run a repository check that reads data", e);
    }

    /** One thread's read and decode buffers; never handed to another thread. */
    private static final class RunBuffers {
        private byte[] stored = new byte[0];
        private byte[] plain = new byte[0];
        private boolean busy;

        byte[] stored(int length) {
            if (stored.length < length) {
                stored = null; // the old buffer is garbage before the new one is allocated
                stored = new byte[grown(length)];
            }
            return stored;
        }

        byte[] plain(int length) {
            if (plain.length < length) {
                plain = null;
                plain = new byte[grown(length)];
            }
            return plain;
        }

        private static int grown(int length) {
            long stepped = ((long) length + BUFFER_STEP - 1) / BUFFER_STEP * BUFFER_STEP;
            return (int) Math.min(stepped, Integer.MAX_VALUE - 16);
        }
    }
}
