package org.arxos.http.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionRequest;
import org.arxos.api.compress.CompressionResult;
import org.arxos.api.compress.Compressions;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CompressorStatistics;
import org.arxos.api.compress.ContentRefusedException;
import org.arxos.api.compress.DecompressionRequest;
import org.arxos.api.selection.CallRecord;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.io.json.BuildingJson;

/**
 * {@code /api/compression}: the running compressors, what they take and how they did, and compressing or
 * decompressing a request body through the {@link Compressions} service, as the Gogo shell does. The compressed form
 * goes out as {@value #COMPRESSED_MEDIA_TYPE} with the original's media type as its {@code type} parameter, so posting
 * it back to decompress restores that type too. Bodies and results are held in memory, both within the API's largest
 * request body.
 */
final class CompressionEndpoints {

    static final String COMPRESSED_MEDIA_TYPE = "application/vnd.arxos.compressed";
    static final String COMPRESSOR_HEADER = "Arxos-Compressor";
    static final String ORIGINAL_LENGTH_HEADER = "Arxos-Original-Length";
    /** What the listing asks each compressor whether it takes; the SPI answers per type, it cannot list them. */
    static final List<String> LISTED_TYPES = List.of("image/svg+xml", BuildingJson.MEDIA_TYPE, "application/json",
            "text/plain", "application/octet-stream");
    private static final String UNKNOWN_TYPE = "application/octet-stream";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    /**
     * One running compressor.
     *
     * @param supports   which of {@link #LISTED_TYPES} it takes
     * @param calls      its guarded calls through the selector from anywhere in the platform
     * @param statistics what the compression service did with it, for every caller
     */
    record CompressorDocument(String name, int ranking, String bundle, boolean serving, List<String> supports,
            GuardedCalls calls, CompressorStatistics statistics) {
    }

    /** @param lastFailure what went wrong last, or {@code null} */
    record GuardedCalls(long calls, long failures, int failuresInARow, boolean quarantined, String lastFailure) {

        static GuardedCalls of(CallRecord record) {
            if (record == null) {
                return new GuardedCalls(0, 0, 0, false, null);
            }
            return new GuardedCalls(record.calls(), record.failures(), record.failuresInARow(), record.quarantined(),
                    record.lastFailure() == null ? null : record.lastFailure().message());
        }
    }

    record CompressionDocument(String serving, String pinned, List<String> levels,
            List<CompressorDocument> compressors) {
    }

    private final ImplementationSelector selector;
    private final Compressions compressions;

    CompressionEndpoints(ImplementationSelector selector, Compressions compressions) {
        this.selector = selector;
        this.compressions = compressions;
    }

    ApiResponse status() {
        CapabilityStatus status = selector.capability(Capability.COMPRESSOR);
        List<CallRecord> records = selector.calls(Capability.COMPRESSOR);
        List<CompressorDocument> compressors = status.implementations().stream()
                .map(implementation -> document(implementation, status, records)).toList();
        return new ApiResponse.Json(200, new CompressionDocument(status.serving(), status.pinned(),
                Arrays.stream(CompressionLevel.values()).map(CompressionEndpoints::levelName).toList(), compressors),
                Map.of("Cache-Control", "no-store"));
    }

    private CompressorDocument document(Implementation implementation, CapabilityStatus status,
            List<CallRecord> records) {
        List<String> supports = selector.select(Compressor.class, implementation.name())
                .map(compressor -> LISTED_TYPES.stream().filter(compressor::supports).toList()).orElse(List.of());
        CallRecord record = records.stream().filter(r -> r.implementation().serviceId() == implementation.serviceId())
                .findFirst().orElse(null);
        return new CompressorDocument(implementation.name(), implementation.ranking(), implementation.bundle(),
                implementation.name().equals(status.serving()), supports, GuardedCalls.of(record),
                compressions.statistics(implementation.name()));
    }

    /** {@code POST /api/compression/compress?level=&impl=}: the body, compressed, as the compressed media type. */
    ApiResponse compress(ApiRequest request, ApiSettings settings) throws Exception {
        CompressionLevel level = level(request.parameter("level"));
        String type = MediaTypes.essence(request.contentType());
        String contentType = type != null && MEDIA_TYPE.matcher(type).matches() ? type : UNKNOWN_TYPE;
        byte[] original = BuildingEndpoints.readLimited(request, settings, InputStream::readAllBytes);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(original.length / 4 + 64);
        CompressionResult done;
        try {
            done = compressions.compress(new ByteArrayInputStream(original), compressed,
                    new CompressionRequest(contentType, level, request.parameter("impl")));
        } catch (ContentRefusedException refused) {
            throw new ProblemException(refused.mediaTypeRefused() ? ProblemType.UNSUPPORTED_MEDIA_TYPE
                    : ProblemType.BAD_REQUEST, refused.getMessage()).with("compressors", refused.reasons());
        }
        return new ApiResponse.Streamed(200, COMPRESSED_MEDIA_TYPE + "; type=\"" + contentType + "\"",
                compressed::writeTo, ApiResponse.headers(COMPRESSOR_HEADER,
                        done.implementation().name(), ORIGINAL_LENGTH_HEADER, Integer.toString(original.length),
                        "Cache-Control", "no-store"));
    }

    /**
     * {@code POST /api/compression/decompress?impl=}: the original of the body, as the media type its {@code type}
     * parameter names. The named or serving compressor reads it first, then the others by ranking, until one
     * recognises it; the original is held in memory, within the API's largest request body.
     */
    ApiResponse decompress(ApiRequest request, ApiSettings settings) throws Exception {
        String type = originalType(request.contentType());
        byte[] compressed = BuildingEndpoints.readLimited(request, settings, InputStream::readAllBytes);
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        CompressionResult done;
        try {
            done = compressions.decompress(new ByteArrayInputStream(compressed), original,
                    new DecompressionRequest(request.parameter("impl"), settings.maxBodyBytes(), "maxBodyBytes"));
        } catch (ContentRefusedException refused) {
            throw new ProblemException(ProblemType.CORRUPT_DATA, refused.getMessage())
                    .with("compressors", refused.reasons());
        }
        return new ApiResponse.Streamed(200, type, original::writeTo,
                ApiResponse.headers(COMPRESSOR_HEADER, done.implementation().name(), "Cache-Control", "no-store"));
    }

    /** {@code fast}, {@code balanced} (the default), {@code max} or {@code lossy}. */
    private static CompressionLevel level(String asked) {
        if (asked == null || asked.isBlank()) {
            return CompressionLevel.BALANCED;
        }
        try {
            return CompressionLevel.valueOf(asked.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> levels = Arrays.stream(CompressionLevel.values()).map(CompressionEndpoints::levelName)
                    .toList();
            throw ProblemException.badRequest("level must be one of " + String.join(", ", levels) + ", not '" + asked
                    + "'").with("levels", levels);
        }
    }

    private static String levelName(CompressionLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code type} parameter of the compressed media type, when it names a media type; else octet-stream. */
    static String originalType(String contentType) {
        if (contentType == null || !COMPRESSED_MEDIA_TYPE.equals(MediaTypes.essence(contentType))) {
            return UNKNOWN_TYPE;
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("type")) {
                String value = parameter.substring(equals + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (MEDIA_TYPE.matcher(value).matches()) {
                    return value;
                }
            }
        }
        return UNKNOWN_TYPE;
    }
}
