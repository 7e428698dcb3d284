package org.arxos.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.compress.Algorithm;
import org.arxos.compress.CodecChoice;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.Frames;
import org.arxos.compress.internal.CodecCompressor;
import org.arxos.core.internal.CompressionService;
import org.arxos.core.internal.CompressionSettings;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/compression} over the real general-purpose codec compressor and two stand-ins: an SVG-only one and one
 * that always breaks. Calls go through the selector's default guarded call, as a plugin-free platform has it.
 */
class CompressionEndpointsTest {

    private static final Principal ALICE = new Principal("alice", "acme", Role.VIEWER, Map.of(), false);
    private static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<path d=\"M 10 10 L 20 20\" stroke=\"black\"/>".repeat(500) + "</svg>").getBytes(StandardCharsets.UTF_8);

    private final Compressors selector = new Compressors();
    private ApiSettings settings = ApiSettings.DEFAULTS;
    private final ApiDispatcher dispatcher = new ApiDispatcher(selector, null, null, null, null,
            new CompressionService(selector, CompressionSettings.defaults()), Optional::empty, JsonMapping.create(),
            () -> settings,
            new ProblemMapper((id, failure) -> {
                throw new AssertionError("internal error " + failure, failure);
            }));

    @Test
    void compressesWithTheCompressorThatTakesTheTypeAndDecompressesToTheSameType() throws Exception {
        selector.add("codec", -100, new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT));
        selector.add("svg", 10, new SvgStandIn());

        ApiResponse.Streamed compressed = streamed(post("/api/compression/compress?level=max", "image/svg+xml", SVG));
        assertEquals("svg", compressed.headers().get(CompressionEndpoints.COMPRESSOR_HEADER));
        assertEquals("application/vnd.arxos.compressed; type=\"image/svg+xml\"", compressed.contentType());
        assertEquals(Integer.toString(SVG.length),
                compressed.headers().get(CompressionEndpoints.ORIGINAL_LENGTH_HEADER));
        byte[] frame = body(compressed);
        assertTrue(frame.length < SVG.length / 20, "compressed to " + frame.length);

        ApiResponse.Streamed original = streamed(post("/api/compression/decompress", compressed.contentType(), frame));
        assertEquals("image/svg+xml", original.contentType());
        assertEquals("svg", original.headers().get(CompressionEndpoints.COMPRESSOR_HEADER));
        assertArrayEquals(SVG, body(original));
    }

    @Test
    void aCompressorThatDoesNotTakeTheDataIsPassedOverWithoutBlame() throws Exception {
        selector.add("codec", -100, new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT));
        selector.add("svg", 10, new SvgStandIn());
        byte[] json = "{\"rows\":[1,2,3]}".repeat(300).getBytes(StandardCharsets.UTF_8);

        ApiResponse.Streamed compressed = streamed(post("/api/compression/compress", "application/json", json));
        assertEquals("codec", compressed.headers().get(CompressionEndpoints.COMPRESSOR_HEADER));
        // the serving svg compressor is asked first and does not recognise a codec frame
        ApiResponse.Streamed original = streamed(post("/api/compression/decompress", "application/octet-stream",
                body(compressed)));
        assertEquals("codec", original.headers().get(CompressionEndpoints.COMPRESSOR_HEADER));
        assertEquals("application/octet-stream", original.contentType());
        assertArrayEquals(json, body(original));

        CompressionEndpoints.CompressorDocument svg = compressor("svg");
        assertEquals(0, svg.statistics().failures());
        assertEquals(2, svg.statistics().refusals(), "the JSON's type and the codec's frame");
        assertEquals(List.of("image/svg+xml"), svg.supports());
        assertTrue(svg.serving());
        CompressionEndpoints.CompressorDocument codec = compressor("codec");
        assertEquals(1, codec.statistics().compressions());
        assertEquals(1, codec.statistics().decompressions());
        assertEquals(2L * json.length, codec.statistics().originalBytes());
        assertTrue(codec.statistics().ratio() > 0 && codec.statistics().ratio() < 0.1, "" + codec.statistics());
        assertEquals(CompressionEndpoints.LISTED_TYPES, codec.supports());
    }

    @Test
    void aBrokenCompressorIsReplacedAndCounted() throws Exception {
        selector.add("codec", -100, new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT));
        selector.add("broken", 50, new Broken());

        ApiResponse.Streamed compressed = streamed(post("/api/compression/compress?impl=broken", "image/svg+xml", SVG));
        assertEquals("codec", compressed.headers().get(CompressionEndpoints.COMPRESSOR_HEADER));
        ApiResponse.Streamed original = streamed(post("/api/compression/decompress", "", body(compressed)));
        assertArrayEquals(SVG, body(original));
        assertEquals(2, compressor("broken").statistics().failures());
        assertEquals(0, compressor("codec").statistics().failures());
    }

    @Test
    void corruptDataIsABadRequestNamingWhatEachCompressorSaid() throws Exception {
        selector.add("codec", -100, new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT));
        selector.add("svg", 10, new SvgStandIn());
        byte[] frame = Frames.encode(SVG, Encoding.of(Algorithm.ZSTD, 3));
        frame[frame.length / 2] ^= 0x10;

        Problem corrupt = problem(post("/api/compression/decompress", "", frame), 400);
        assertEquals(ProblemType.CORRUPT_DATA, corrupt.type());
        assertTrue(corrupt.detail().contains("svg: not an SVG stand-in stream"), corrupt.detail());
        assertTrue(corrupt.detail().contains("codec: "), corrupt.detail());
        assertEquals(List.of("svg", "codec"), List.copyOf(((Map<?, ?>) corrupt.extensions().get("compressors"))
                .keySet()));
        assertEquals(0, compressor("codec").statistics().failures(), "the client's data, not the codec's fault");
    }

    @Test
    void aTypeNoRunningCompressorTakesIsAnUnsupportedMediaType() {
        selector.add("svg", 10, new SvgStandIn());
        Problem unsupported = problem(post("/api/compression/compress", "text/plain", SVG), 415);
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, unsupported.type());
        assertEquals(Map.of("svg", "does not take text/plain"), unsupported.extensions().get("compressors"));
        assertEquals(1, compressor("svg").statistics().refusals());
    }

    @Test
    void aDecompressionBombIsRefusedNamingTheLimit() throws Exception {
        selector.add("codec", -100, new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT));
        byte[] bomb = Frames.encode(new byte[64 << 20], Encoding.of(Algorithm.ZSTD, 19).withBlockSize(16 << 20));
        assertTrue(bomb.length < 16 * 1024, "64 MiB of zeros in " + bomb.length + " bytes");
        Problem refused = problem(post("/api/compression/decompress", "", bomb), 413);
        assertEquals(ProblemType.DECOMPRESSION_LIMIT, refused.type());
        assertEquals("maxExpansionRatio", refused.extensions().get("limit"));

        settings = new ApiSettings(4096, settings.maxObjects(), 100, 1000, 1, 1, 1, 1);
        byte[] larger = Frames.encode(SVG, Encoding.of(Algorithm.ZSTD, 3));
        Problem tooLarge = problem(post("/api/compression/decompress", "", larger), 413);
        assertEquals("maxBodyBytes", tooLarge.extensions().get("limit"), tooLarge.detail());
    }

    @Test
    void badParametersAreNamed() {
        selector.add("codec", -100, new CodecCompressor(CodecChoice.DEFAULT, FrameLimits.DEFAULT));
        Problem level = problem(post("/api/compression/compress?level=extreme", "text/plain", SVG), 400);
        assertTrue(level.detail().contains("fast, balanced, max, lossy"), level.detail());

        Compressors none = new Compressors();
        ApiDispatcher empty = new ApiDispatcher(none, null, null, null, null,
                new CompressionService(none, CompressionSettings.defaults()), Optional::empty, JsonMapping.create(),
                () -> settings,
                new ProblemMapper((id, failure) -> { }));
        FakeServices.Request request = post("/api/compression/compress", "text/plain", SVG);
        ApiResponse unavailable = empty.dispatch(RouteMatch.of(request.method(), request.path()), request);
        assertEquals(503, unavailable.status());
    }

    @Test
    void theOriginalTypeComesFromTheCompressedMediaTypeOnly() {
        assertEquals("image/svg+xml",
                CompressionEndpoints.originalType("application/vnd.arxos.compressed; type=\"image/svg+xml\""));
        assertEquals("application/vnd.arxos.building+json", CompressionEndpoints.originalType(
                "Application/Vnd.Arxos.Compressed;TYPE=application/vnd.arxos.building+json"));
        assertEquals("application/octet-stream",
                CompressionEndpoints.originalType("application/vnd.arxos.compressed; type=\"text/html\r\nX: y\""));
        assertEquals("application/octet-stream", CompressionEndpoints.originalType("image/svg+xml"));
        assertEquals("application/octet-stream", CompressionEndpoints.originalType(null));
    }

    private CompressionEndpoints.CompressorDocument compressor(String name) {
        FakeServices.Request request = FakeServices.Request.of("GET", "/api/compression", ALICE);
        ApiResponse response = dispatcher.dispatch(RouteMatch.of("GET", request.path()), request);
        CompressionEndpoints.CompressionDocument document = (CompressionEndpoints.CompressionDocument)
                assertInstanceOf(ApiResponse.Json.class, response).body();
        return document.compressors().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static FakeServices.Request post(String pathAndQuery, String contentType, byte[] body) {
        FakeServices.Request request = FakeServices.Request.of("POST", pathAndQuery, ALICE);
        Map<String, String> headers = new HashMap<>(Map.of("Content-Length", Integer.toString(body.length)));
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        return new FakeServices.Request("POST", request.path(), request.query(), headers, body, ALICE);
    }

    private ApiResponse.Streamed streamed(FakeServices.Request request) {
        ApiResponse response = dispatcher.dispatch(RouteMatch.of(request.method(), request.path()), request);
        if (response instanceof ApiResponse.ProblemResponse problem) {
            throw new AssertionError(problem.problem().members());
        }
        return assertInstanceOf(ApiResponse.Streamed.class, response);
    }

    private Problem problem(FakeServices.Request request, int status) {
        ApiResponse response = dispatcher.dispatch(RouteMatch.of(request.method(), request.path()), request);
        Problem problem = assertInstanceOf(ApiResponse.ProblemResponse.class, response).problem();
        assertEquals(status, problem.status(), problem.detail());
        return problem;
    }

    private static byte[] body(ApiResponse.Streamed response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writer().writeTo(out);
        return out.toByteArray();
    }

    /** Takes SVG only: its own magic, then deflate. */
    private static final class SvgStandIn implements Compressor {
        private static final byte[] MAGIC = "SVGZ".getBytes(StandardCharsets.US_ASCII);

        @Override
        public boolean supports(String contentType) {
            return "image/svg+xml".equals(contentType);
        }

        @Override
        public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
                throws IOException {
            out.write(MAGIC);
            DeflaterOutputStream deflater = new DeflaterOutputStream(out);
            in.transferTo(deflater);
            deflater.finish();
        }

        @Override
        public void decompress(InputStream in, OutputStream out) throws IOException {
            if (!java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw new CorruptDataException("not an SVG stand-in stream");
            }
            new InflaterInputStream(in).transferTo(out);
        }
    }

    private static final class Broken implements Compressor {
        @Override
        public boolean supports(String contentType) {
            return true;
        }

        @Override
        public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level) {
            throw new IllegalStateException("broken compressor");
        }

        @Override
        public void decompress(InputStream in, OutputStream out) {
            throw new IllegalStateException("broken compressor");
        }
    }

    /** Compressors by name and ranking; the highest ranked serves. Guarded calls use the SPI's default. */
    private static final class Compressors implements ImplementationSelector {
        private final List<Implementation> implementations = new ArrayList<>();
        private final Map<String, Compressor> byName = new HashMap<>();

        void add(String name, int ranking, Compressor compressor) {
            implementations.add(new Implementation(name, ranking, "org.arxos.test." + name, byName.size() + 1));
            implementations.sort(Comparator.comparingInt(Implementation::ranking).reversed());
            byName.put(name, compressor);
        }

        @Override
        public <S> Optional<S> select(Class<S> spi) {
            return implementations.isEmpty() ? Optional.empty() : select(spi, implementations.get(0).name());
        }

        @Override
        public <S> Optional<S> select(Class<S> spi, String implementation) {
            Object service = byName.get(implementation);
            return spi.isInstance(service) ? Optional.of(spi.cast(service)) : Optional.empty();
        }

        @Override
        public <S> List<S> all(Class<S> spi) {
            return implementations.stream().map(i -> spi.cast(byName.get(i.name()))).toList();
        }

        @Override
        public List<CapabilityStatus> capabilities() {
            return List.of(capability(Capability.COMPRESSOR));
        }

        @Override
        public CapabilityStatus capability(Capability capability) {
            return new CapabilityStatus(capability, implementations, null,
                    implementations.isEmpty() ? null : implementations.get(0).name());
        }

        @Override
        public void pin(Capability capability, String implementation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unpin(Capability capability) {
            throw new UnsupportedOperationException();
        }
    }
}
