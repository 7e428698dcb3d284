package org.arxos.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.compress.internal.CountingInputStream;
import org.arxos.compress.internal.ExpansionLimitedInputStream;
import org.brotli.dec.BrotliInputStream;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;

/**
 * HTTP content codings (RFC 9110 section 8.4): decoders for request bodies, under {@link FrameLimits}, and encoders
 * for responses chosen from {@code Accept-Encoding}. Brotli is decoded only: no maintained brotli encoder is
 * published as an OSGi bundle.
 */
public enum ContentCoding {
    IDENTITY("identity"),
    GZIP("gzip"),
    /** The zlib format, as HTTP's {@code deflate} means. */
    DEFLATE("deflate"),
    BROTLI("br"),
    ZSTD("zstd");

    /** RFC 9659: a zstd content coding's window is at most 8 MB, so a decoder never needs more. */
    private static final int ZSTD_WINDOW_LOG_MAX = 23;
    /** Preference among codings a client accepts equally: smallest and fastest first. */
    private static final List<ContentCoding> PREFERENCE = List.of(ZSTD, GZIP, DEFLATE);

    private final String token;

    ContentCoding(String token) {
        this.token = token;
    }

    /** The name in {@code Content-Encoding} and {@code Accept-Encoding}. */
    public String token() {
        return token;
    }

    public boolean canEncode() {
        return this != BROTLI;
    }

    /** The coding a token names ({@code x-gzip} is {@code gzip}), if known. */
    public static Optional<ContentCoding> ofToken(String token) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        if (name.equals("x-gzip")) {
            return Optional.of(GZIP);
        }
        for (ContentCoding coding : values()) {
            if (coding.token.equals(name)) {
                return Optional.of(coding);
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes {@code in}, refusing output past the limits' original size and expansion ratio.
     *
     * @throws IOException when the coded stream is malformed (also while reading)
     */
    public InputStream decoder(InputStream in, FrameLimits limits) throws IOException {
        if (this == IDENTITY) {
            return in;
        }
        CountingInputStream coded = new CountingInputStream(in);
        InputStream decoder = switch (this) {
            case GZIP -> new GZIPInputStream(coded);
            case DEFLATE -> new InflaterInputStream(coded);
            case BROTLI -> new BrotliInputStream(coded);
            case ZSTD -> new ZstdInputStreamNoFinalizer(coded).setLongMax(ZSTD_WINDOW_LOG_MAX);
            case IDENTITY -> throw new AssertionError();
        };
        return new ExpansionLimitedInputStream(decoder, coded, limits);
    }

    /**
     * Decodes a body by its {@code Content-Encoding} header, undoing the codings in reverse order of application.
     *
     * @throws IllegalArgumentException naming a coding that is not known
     */
    public static InputStream decoding(String contentEncoding, InputStream in, FrameLimits limits)
            throws IOException {
        List<ContentCoding> applied = parseContentEncoding(contentEncoding);
        InputStream decoded = in;
        for (int i = applied.size() - 1; i >= 0; i--) {
            decoded = applied.get(i).decoder(decoded, limits);
        }
        return decoded;
    }

    /** The codings of a {@code Content-Encoding} header in the order they were applied. */
    public static List<ContentCoding> parseContentEncoding(String contentEncoding) {
        List<ContentCoding> codings = new ArrayList<>();
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return codings;
        }
        for (String token : contentEncoding.split(",")) {
            ContentCoding coding = ofToken(token).orElseThrow(
                    () -> new IllegalArgumentException("unknown content coding '" + token.trim() + "'"));
            if (coding != IDENTITY) {
                codings.add(coding);
            }
        }
        return Collections.unmodifiableList(codings);
    }

    /**
     * An encoder that writes to {@code out}; closing it finishes the coding and closes {@code out}.
     *
     * @throws UnsupportedOperationException for {@link #BROTLI}
     */
    public OutputStream encoder(OutputStream out, CompressionLevel level) throws IOException {
        return switch (this) {
            case IDENTITY -> out;
            case GZIP -> new LeveledGzipOutputStream(out, deflateLevel(level));
            case DEFLATE -> new DeflaterOutputStream(out, new Deflater(deflateLevel(level)), 8192) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        def.end();
                    }
                }
            };
            case ZSTD -> new ZstdOutputStreamNoFinalizer(out, zstdLevel(level));
            case BROTLI -> throw new UnsupportedOperationException("no brotli encoder is available");
        };
    }

    private static int deflateLevel(CompressionLevel level) {
        return switch (level) {
            case FAST -> 1;
            case BALANCED, LOSSY -> 6;
            case MAX -> 9;
        };
    }

    /** Levels whose window stays within the 8 MB that RFC 9659 allows. */
    private static int zstdLevel(CompressionLevel level) {
        return switch (level) {
            case FAST -> 1;
            case BALANCED, LOSSY -> 3;
            case MAX -> 19;
        };
    }

    /**
     * The coding to answer with: among the encodable codings the client accepts, the one with the highest quality
     * value, ties broken by our preference (zstd, gzip, deflate). Identity when nothing else is accepted; empty when
     * not even identity is (the client explicitly refused it), which calls for 406 Not Acceptable.
     */
    public static Optional<ContentCoding> negotiate(String acceptEncoding) {
        if (acceptEncoding == null) {
            return Optional.of(IDENTITY);
        }
        AcceptEncoding accepted = AcceptEncoding.parse(acceptEncoding);
        ContentCoding best = null;
        double bestQuality = 0;
        for (ContentCoding coding : PREFERENCE) {
            double quality = accepted.quality(coding);
            if (quality > bestQuality) {
                best = coding;
                bestQuality = quality;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        return accepted.quality(IDENTITY) > 0 ? Optional.of(IDENTITY) : Optional.empty();
    }

    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
