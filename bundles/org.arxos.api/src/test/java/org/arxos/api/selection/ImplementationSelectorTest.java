package org.arxos.api.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.junit.jupiter.api.Test;

/** The default guarded call: the fallback every selector has, without time limit or records. */
class ImplementationSelectorTest {

    /** Compressors by name in ranking order; the first serves. */
    private record Fixed(Map<String, Compressor> byName) implements ImplementationSelector {

        @Override
        public <S> Optional<S> select(Class<S> spi) {
            return byName.values().stream().findFirst().map(spi::cast);
        }

        @Override
        public <S> Optional<S> select(Class<S> spi, String implementation) {
            return Optional.ofNullable(byName.get(implementation)).map(spi::cast);
        }

        @Override
        public <S> List<S> all(Class<S> spi) {
            return byName.values().stream().map(spi::cast).toList();
        }

        @Override
        public List<CapabilityStatus> capabilities() {
            return List.of(capability(Capability.COMPRESSOR));
        }

        @Override
        public CapabilityStatus capability(Capability capability) {
            List<Implementation> implementations = byName.keySet().stream()
                    .map(name -> new Implementation(name, 0, "bundle." + name, name.hashCode())).toList();
            return new CapabilityStatus(capability, implementations, null,
                    byName.isEmpty() ? null : byName.keySet().iterator().next());
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

    /** Writes its name, or throws what it is given. */
    private record Named(String name, RuntimeException failure) implements Compressor {

        @Override
        public boolean supports(String contentType) {
            return true;
        }

        @Override
        public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
                throws IOException {
            if (failure != null) {
                throw failure;
            }
            out.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void decompress(InputStream in, OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }

    private static Fixed selector(Named... compressors) {
        Map<String, Compressor> byName = new LinkedHashMap<>();
        for (Named c : compressors) {
            byName.put(c.name(), c);
        }
        return new Fixed(byName);
    }

    private static String compress(Compressor compressor, Implementation implementation) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        compressor.compress(InputStream.nullInputStream(), buffer, "text/plain", CompressionLevel.FAST);
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aFailingImplementationIsReplacedByTheNext() {
        Fixed selector = selector(new Named("broken", new IllegalStateException("boom")), new Named("good", null));

        Served<String> served = selector.call(Compressor.class, ImplementationSelectorTest::compress);

        assertEquals("good", served.value());
        assertEquals("good", served.implementation().name());
        assertEquals(List.of("threw IllegalStateException: boom"),
                served.failures().stream().map(CallFailure::message).toList());
    }

    @Test
    void theNamedImplementationIsTriedFirstAndTheValidatorJudgesResults() {
        Fixed selector = selector(new Named("first", null), new Named("second", null));

        Served<String> served = selector.call(Compressor.class, "second", ImplementationSelectorTest::compress,
                CallGuard.validating(s -> s.equals("second") ? Optional.of("not this one") : Optional.empty()));

        assertEquals("first", served.implementation().name());
        assertEquals(CallFailure.Kind.INVALID, served.failures().get(0).kind());
    }

    @Test
    void answersReachTheCaller() {
        Fixed selector = selector(new Named("strict", new IllegalArgumentException("unsupported")),
                new Named("good", null));

        CallGuard<String> guard = CallGuard.<String>any().answering(IllegalArgumentException.class);

        assertThrows(IllegalArgumentException.class,
                () -> selector.call(Compressor.class, null, ImplementationSelectorTest::compress, guard));
    }

    @Test
    void whenAllFailTheExceptionNamesEach() {
        Fixed selector = selector(new Named("a", new IllegalStateException("x")),
                new Named("b", new IllegalStateException("y")));

        ImplementationsFailedException thrown = assertThrows(ImplementationsFailedException.class,
                () -> selector.call(Compressor.class, ImplementationSelectorTest::compress));

        assertEquals("every implementation of compressor failed: 'a' failed; 'b' failed", thrown.getMessage());
    }

    @Test
    void withoutImplementationsThereIsNoImplementation() {
        assertThrows(NoImplementationException.class,
                () -> selector().call(Compressor.class, ImplementationSelectorTest::compress));
    }
}
