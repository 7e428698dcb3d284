package org.arxos.io.svg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * The Batik wrapper bundle in a real Felix (the framework the server runs): it must resolve with nothing but the JRE,
 * and Batik must work inside it, including what it finds through META-INF/services (the PNG writer).
 */
class BatikBundleInFelixTest {

    @Test
    void wrapperResolvesAndRendersPngInsideFelix(@TempDir Path storage) throws Exception {
        Path jar = Path.of(org.apache.batik.util.Service.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        assertTrue(jar.toString().endsWith(".jar"), "the wrapper must be on the test class path as its jar: " + jar);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework felix = new FrameworkFactory().newFramework(config);
        felix.start();
        try {
            Bundle batik;
            try (InputStream in = Files.newInputStream(jar)) {
                batik = felix.getBundleContext().installBundle("batik-osgi", in);
            }
            batik.start();
            assertEquals("org.arxos.batik", batik.getSymbolicName());
            assertEquals(Bundle.ACTIVE, batik.getState());

            byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\">"
                    + "<rect width=\"10\" height=\"10\" fill=\"red\"/><text x=\"1\" y=\"8\">A</text></svg>")
                    .getBytes(StandardCharsets.UTF_8);
            Class<?> inputType = batik.loadClass("org.apache.batik.transcoder.TranscoderInput");
            Class<?> outputType = batik.loadClass("org.apache.batik.transcoder.TranscoderOutput");
            Class<?> pngType = batik.loadClass("org.apache.batik.transcoder.image.PNGTranscoder");
            assertTrue(pngType.getClassLoader() != org.apache.batik.util.Service.class.getClassLoader(),
                    "Batik must come from the bundle, not the test class path");
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            Object input = inputType.getConstructor(InputStream.class).newInstance(new ByteArrayInputStream(svg));
            Object output = outputType.getConstructor(OutputStream.class).newInstance(png);
            Object transcoder = pngType.getConstructor().newInstance();
            pngType.getMethod("transcode", inputType, outputType).invoke(transcoder, input, output);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.toByteArray(), 4));
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }
}
