package org.arxos.compress;

import java.util.List;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;

/**
 * Picks the encoding of a frame from its content type, its level and its size: content that is already compressed
 * is stored, tiny content is stored or coded with a codec of little overhead, the rest by level (fast on the request
 * path, strong at rest).
 *
 * @param fast        for {@link CompressionLevel#FAST}
 * @param balanced    for {@link CompressionLevel#BALANCED} and {@link CompressionLevel#LOSSY} (a codec is lossless)
 * @param max         for {@link CompressionLevel#MAX}
 * @param small       for content shorter than {@code smallBelow} bytes
 * @param smallBelow  the size under which {@code small} is used
 * @param storedBelow the size under which content is stored: no codec saves more than its own overhead there
 * @param storedTypes media types stored as they are, because they are compressed already; {@code type/*} matches
 *                    a whole type
 */
public record CodecChoice(Encoding fast, Encoding balanced, Encoding max, Encoding small, int smallBelow,
        int storedBelow, List<String> storedTypes) {

    public static final List<String> COMPRESSED_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/avif", "application/zip", "application/gzip", "application/x-gzip", "application/zstd",
            "application/x-xz", "application/x-bzip2", "application/x-7z-compressed", "application/vnd.rar",
            "font/woff", "font/woff2", "video/*", "audio/*");

    /**
     * zstd 1 for the request path, zstd 9 by default, xz 9 in blocks of 8 MiB at rest, deflate 9 under 4 KiB, and
     * stored under 64 bytes and for {@link #COMPRESSED_TYPES}.
     */
    public static final CodecChoice DEFAULT = new CodecChoice(Encoding.of(Algorithm.ZSTD, 1),
            Encoding.of(Algorithm.ZSTD, 9), Encoding.of(Algorithm.XZ, 9).withBlockSize(8 << 20),
            Encoding.of(Algorithm.DEFLATE, 9), 4096, 64, COMPRESSED_TYPES);

    public CodecChoice {
        if (fast == null || balanced == null || max == null || small == null) {
            throw new IllegalArgumentException("every level needs an encoding");
        }
        storedTypes = storedTypes.stream().map(CodecChoice::mediaType).toList();
    }

    /**
     * @param contentType a media type, parameters allowed ({@code text/plain; charset=utf-8}), or {@code null}
     * @param size        the original length, or -1 when not known
     */
    public Encoding choose(String contentType, CompressionLevel level, long size) {
        if (isCompressed(contentType) || (size >= 0 && size < storedBelow)) {
            return Encoding.of(Algorithm.STORED);
        }
        if (size >= 0 && size < smallBelow) {
            return small;
        }
        return switch (level) {
            case FAST -> fast;
            case BALANCED, LOSSY -> balanced;
            case MAX -> max;
        };
    }

    /** Whether the content type is one of {@link #storedTypes()}. */
    public boolean isCompressed(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = mediaType(contentType);
        for (String stored : storedTypes) {
            if (stored.endsWith("/*") ? type.startsWith(stored.substring(0, stored.length() - 1))
                    : type.equals(stored)) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
