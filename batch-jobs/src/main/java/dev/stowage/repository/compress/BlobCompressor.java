package dev.stowage.repository.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * zstd compression of blobs with a cheap skip for incompressible data. One compression and one
 * decompression context per thread (zstd contexts are not thread-safe, and making one per call costs
 * more than compressing a small blob), plus a reused output buffer per thread.
 *
 * <p>The skip: a blob of {@value #SAMPLE_THRESHOLD} bytes or more is first probed by compressing a few
 * {@value #SAMPLE_BYTES}-byte slices spread over it at zstd's fastest level; when they shrink by less
 * than {@value #MIN_SAVING_PERCENT}% the whole blob is stored as is. Encrypted, already-compressed and
 * media files thus cost about 1% of a full compression. Any blob whose compressed form does not save
 * at least {@value #MIN_SAVING_PERCENT}% is stored as is too, so reading it later costs no
 * decompression.
 */
public final class BlobCompressor {

    static final int SAMPLE_THRESHOLD = 64 * 1024;
    static final int SAMPLE_BYTES = 4 * 1024;
    static final int SAMPLES = 3;
    static final int MIN_SAVING_PERCENT = 3;
    private static final int PROBE_LEVEL = 1;

    private final int level;
    private final ThreadLocal<State> states;

    public BlobCompressor(int level) {
        if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException("zstd level must be " + Zstd.minCompressionLevel() + ".."
                    + Zstd.maxCompressionLevel() + ", not " + level);
        }
        this.level = level;
        this.states = ThreadLocal.withInitial(State::new);
    }

    public int level() {
        return level;
    }

    /** Compresses {@code src[offset, offset+length)} unless that gains too little; see {@link Compressed}. */
    public Compressed compress(byte[] src, int offset, int length) {
        State state = states.get();
        Compressed result = state.result;
        if (length == 0 || (length >= SAMPLE_THRESHOLD && !samplesCompress(state, src, offset, length))) {
            result.set(Compression.NONE, src, offset, length);
            return result;
        }
        byte[] out = state.output((int) Zstd.compressBound(length));
        int written = state.compressor(level).compressByteArray(out, 0, out.length, src, offset, length);
        if (saves(written, length)) {
            result.set(Compression.ZSTD, out, 0, written);
        } else {
            result.set(Compression.NONE, src, offset, length);
        }
        return result;
    }

    /** Whether compressing sampled slices of the blob would save enough to be worth a full pass. */
    boolean samplesCompress(State state, byte[] src, int offset, int length) {
        byte[] out = state.sampleOutput();
        ZstdCompressCtx probe = state.probe();
        int stride = length / SAMPLES;
        long sampled = 0;
        long compressed = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int start = offset + i * stride + (stride - SAMPLE_BYTES) / 2;
            compressed += probe.compressByteArray(out, 0, out.length, src, start, SAMPLE_BYTES);
            sampled += SAMPLE_BYTES;
        }
        return saves(compressed, sampled);
    }

    private static boolean saves(long compressed, long original) {
        return compressed * 100 <= original * (100 - MIN_SAVING_PERCENT);
    }

    /** Decompresses a blob into a new array of exactly {@code plainLength} bytes. */
    public byte[] decompress(Compression compression, byte[] src, int offset, int length, int plainLength) {
        byte[] out = new byte[plainLength];
        decompress(compression, src, offset, length, out, 0, plainLength);
        return out;
    }

    /**
     * Decompresses into {@code out}; the result must be exactly {@code plainLength} bytes.
     *
     * @throws IllegalArgumentException when the compressed bytes are malformed or of another length
     */
    public void decompress(Compression compression, byte[] src, int offset, int length, byte[] out, int outOffset,
            int plainLength) {
        switch (compression) {
            case NONE -> {
                if (length != plainLength) {
                    throw new IllegalArgumentException("stored length " + length + " differs from plain length "
                            + plainLength);
                }
                System.arraycopy(src, offset, out, outOffset, length);
            }
            case ZSTD -> {
                int written;
                try {
                    written = states.get().decompressor()
                            .decompressByteArray(out, outOffset, plainLength, src, offset, length);
                } catch (ZstdException e) {
                    throw new IllegalArgumentException("zstd frame does not decode: " + e.getMessage(), e);
                }
                if (written != plainLength) {
                    throw new IllegalArgumentException("zstd frame decodes to " + written + " bytes, not "
                            + plainLength);
                }
            }
            default -> throw new IllegalArgumentException("unsupported compression " + compression);
        }
    }

    /** Per-thread contexts and buffers. */
    static final class State {
        private final Compressed result = new Compressed();
        private ZstdCompressCtx compressor;
        private ZstdCompressCtx probe;
        private ZstdDecompressCtx decompressor;
        private byte[] output = new byte[0];
        private byte[] sampleOutput;

        ZstdCompressCtx compressor(int level) {
            if (compressor == null) {
                compressor = new ZstdCompressCtx().setLevel(level).setContentSize(true).setChecksum(false);
            }
            return compressor;
        }

        ZstdCompressCtx probe() {
            if (probe == null) {
                probe = new ZstdCompressCtx().setLevel(PROBE_LEVEL);
            }
            return probe;
        }

        ZstdDecompressCtx decompressor() {
            if (decompressor == null) {
                decompressor = new ZstdDecompressCtx();
            }
            return decompressor;
        }

        /** Grows by half at least, so chunk sizes creeping upwards do not each cost a new array. */
        byte[] output(int capacity) {
            if (output.length < capacity) {
                output = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(capacity,
                        output.length + (long) output.length / 2))];
            }
            return output;
        }

        byte[] sampleOutput() {
            if (sampleOutput == null) {
                sampleOutput = new byte[(int) Zstd.compressBound(SAMPLE_BYTES)];
            }
            return sampleOutput;
        }
    }
}
