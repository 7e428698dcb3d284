package org.arxos.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.Implementation;
import org.arxos.compress.Algorithm;
import org.arxos.compress.ContentCoding;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.Frames;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The compression bundles inside Felix: they and their codec libraries resolve and start, zstd's native library loads
 * from its bundle, every codec of the framed container (bzip2 needing commons-io and commons-lang3) round-trips,
 * brotli decodes, and the codec, SVG and BIM compressors are registered and work.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CompressionBundlesTest {

    private static final List<String> BUNDLES = List.of("org.arxos.compress", "org.arxos.compress.svg",
            "org.arxos.compress.bim", "org.arxos.compress.delta", "org.apache.commons.commons-compress",
            "com.github.luben.zstd-jni", "org.tukaani.xz", "org.brotli.dec", "org.apache.commons.commons-io",
            "org.apache.commons.lang3");
    private static final String TEXT = "Arxos decodes brotli request bodies. ".repeat(3).strip();
    /** {@link #TEXT} coded by the brotli command line tool: no brotli encoder runs on the JVM. */
    private static final String TEXT_BROTLI = "H20A+I3TZfbTagw1SJAcHrexdRurO0SHEAhV1rILbkmDNvbEzhUVDTY/fn+B0LpG";

    @Inject
    private BundleContext context;

    @Inject
    private ImplementationSelector selector;

    @Configuration
    public Option[] config() {
        return ArxosRuntime.withExtraBundles(Stream.concat(Arrays.stream(ArxosRuntime.COMPRESSION),
                Arrays.stream(ArxosRuntime.BIM_COMPRESSION)).toArray(String[]::new));
    }

    @Test
    public void theCompressionBundlesResolveAndTheirCodecsRunInsideFelix() throws Exception {
        for (String name : BUNDLES) {
            Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not installed"));
            assertEquals(name + " is active", Bundle.ACTIVE, bundle.getState());
        }
        byte[] text = "<rect x=\"1\" y=\"2\"/>\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        for (Algorithm algorithm : Algorithm.values()) {
            byte[] frame = Frames.encode(text, Encoding.of(algorithm));
            assertArrayEquals(algorithm + " round trip", text, Frames.decode(frame, Decoding.DEFAULT));
            if (algorithm != Algorithm.STORED) {
                assertTrue(algorithm + " compresses: " + frame.length, frame.length < text.length / 10);
            }
        }
        assertTrue("zstd's native library is loaded", com.github.luben.zstd.util.Native.isLoaded());
        try (InputStream decoded = ContentCoding.BROTLI.decoder(
                new ByteArrayInputStream(Base64.getDecoder().decode(TEXT_BROTLI)), FrameLimits.DEFAULT)) {
            assertEquals(TEXT, new String(decoded.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    public void theCompressorsAreRegisteredAndWork() throws Exception {
        Awaits.until("the codec, svg and bim compressors", 10_000, () -> selector.capability(Capability.COMPRESSOR)
                .implementations().stream().map(Implementation::name).collect(Collectors.toSet()),
                names -> names.equals(Set.of("codec", "svg", "bim")));

        byte[] plan = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><!-- floor 1 -->"
                + "<path d=\"M 10.000 10.000 L 20.000 10.000 L 20.000 20.000 Z\" fill=\"none\" stroke=\"black\"/>"
                .repeat(50) + "</svg>").getBytes(StandardCharsets.UTF_8);
        Compressor svg = selector.select(Compressor.class, "svg").orElseThrow();
        byte[] minified = roundTrip(svg, plan, "image/svg+xml", CompressionLevel.BALANCED);
        assertTrue("svg minifies: " + minified.length, minified.length < plan.length);
        assertTrue(new String(minified, StandardCharsets.UTF_8).startsWith("<svg"));

        Revision building = SyntheticBuilding.generateRevision(new GeneratorSettings(5, 2_000, "itest", "Itest"));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(building, json);
        Compressor bim = selector.select(Compressor.class, "bim").orElseThrow();
        byte[] back = roundTrip(bim, json.toByteArray(), BuildingJson.MEDIA_TYPE, CompressionLevel.MAX);
        Revision read = Revision.EMPTY.apply(BuildingJson.readBuilding(new ByteArrayInputStream(back),
                new ImportOptions("bim", null, "itest", 100_000)).content());
        assertEquals("bim gives the same building back", building.contentHash(), read.contentHash());

        Compressor codec = selector.select(Compressor.class, "codec").orElseThrow();
        assertArrayEquals(plan, roundTrip(codec, plan, "image/svg+xml", CompressionLevel.MAX));
    }

    private static byte[] roundTrip(Compressor compressor, byte[] content, String type, CompressionLevel level)
            throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        compressor.compress(new ByteArrayInputStream(content), compressed, type, level);
        assertTrue(type + " at " + level + " compresses: " + compressed.size(), compressed.size() < content.length);
        ByteArrayOutputStream decompressed = new ByteArrayOutputStream();
        compressor.decompress(new ByteArrayInputStream(compressed.toByteArray()), decompressed);
        return decompressed.toByteArray();
    }
}
