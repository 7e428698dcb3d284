package org.arxos.cache.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.NoImplementationException;
import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses payloads above the threshold with a running Compressor that takes {@value #CONTENT_TYPE}, called through
 * the selector so that a failing compressor is contained, and decompresses an entry with the very implementation that
 * compressed it: when that one is not running the entry cannot be read, which makes it a miss.
 */
final class Compression {

    static final String CONTENT_TYPE = "application/octet-stream";

    private static final Logger LOG = LoggerFactory.getLogger(Compression.class);

    /** Compressed bytes and the {@code arxos.impl} name of the compressor that made them. */
    record Compressed(String compressor, byte[] bytes) {
    }

    /** The implementation a call was given cannot do what the call needs; ends the call without blaming it. */
    private static final class NotApplicable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotApplicable(String message) {
            super(message, null, false, false);
        }
    }

    private volatile int threshold;
    private volatile int maxValueSize;
    private final AtomicReference<LazyService<ImplementationSelector>> selector = new AtomicReference<>();

    Compression(int threshold, int maxValueSize) {
        limits(threshold, maxValueSize);
    }

    /** Applies to values compressed or decompressed from now on. */
    void limits(int threshold, int maxValueSize) {
        this.threshold = threshold;
        this.maxValueSize = maxValueSize;
    }

    /** The selector is got when a value is first compressed or decompressed, not now. */
    void selector(ComponentServiceObjects<ImplementationSelector> arrived) {
        selector.set(new LazyService<>(arrived));
    }

    void selectorGone(ComponentServiceObjects<ImplementationSelector> gone) {
        selector.updateAndGet(current -> current != null && current.isFor(gone) ? null : current);
    }

    /** Compressed when the payload is above the threshold, a compressor is running and it makes the payload smaller. */
    Optional<Compressed> compress(byte[] payload) {
        if (payload.length <= threshold) {
            return Optional.empty();
        }
        ImplementationSelector current = currentSelector();
        if (current == null) {
            return Optional.empty();
        }
        Optional<String> name = applicableCompressor(current);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            Compressed compressed = current.call(Compressor.class, name.get(), (compressor, implementation) -> {
                if (!applicable(compressor, implementation)) {
                    throw new NotApplicable(implementation.name() + " does not take " + CONTENT_TYPE);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2);
                compressor.compress(new ByteArrayInputStream(payload), out, CONTENT_TYPE, CompressionLevel.FAST);
                return new Compressed(implementation.name(), out.toByteArray());
            }, CallGuard.<Compressed>any().answering(NotApplicable.class)).value();
            return compressed.bytes().length < payload.length ? Optional.of(compressed) : Optional.empty();
        } catch (NotApplicable | NoImplementationException e) {
            LOG.debug("A value of {} bytes is stored uncompressed: {}", payload.length, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The payload the named compressor made, or empty when that compressor is not running.
     *
     * @throws CorruptEntryException when the compressor rejects the bytes or they expand beyond the largest value
     */
    Optional<byte[]> decompress(String compressor, byte[] compressed) {
        ImplementationSelector current = currentSelector();
        if (current == null || current.select(Compressor.class, compressor).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(current.call(Compressor.class, compressor, (service, implementation) -> {
                if (!implementation.name().equals(compressor)) {
                    throw new NotApplicable("the entry was compressed by " + compressor + ", which is not serving");
                }
                BoundedOutput out = new BoundedOutput(maxValueSize);
                try {
                    service.decompress(new ByteArrayInputStream(compressed), out);
                } catch (CorruptDataException e) {
                    throw new CorruptEntryException("compressor '" + compressor + "' rejects it: " + e.getMessage(), e);
                }
                return out.toByteArray();
            }, CallGuard.<byte[]>any().answering(NotApplicable.class).answering(CorruptEntryException.class)).value());
        } catch (NotApplicable | NoImplementationException e) {
            LOG.debug("An entry compressed by '{}' is not read: {}", compressor, e.getMessage());
            return Optional.empty();
        }
    }

    private ImplementationSelector currentSelector() {
        LazyService<ImplementationSelector> bound = selector.get();
        return bound == null ? null : bound.get().orElse(null);
    }

    /** The serving compressor if it takes the content type, else the highest-ranked one that does. */
    private static Optional<String> applicableCompressor(ImplementationSelector selector) {
        CapabilityStatus status = selector.capability(Capability.COMPRESSOR);
        return Stream.concat(Stream.ofNullable(status.serving()),
                status.implementations().stream().map(Implementation::name))
                .filter(name -> selector.select(Compressor.class, name)
                        .filter(compressor -> compressor.supports(CONTENT_TYPE)).isPresent())
                .findFirst();
    }

    private static boolean applicable(Compressor compressor, Implementation implementation) {
        return compressor.supports(CONTENT_TYPE)
                && implementation.name().getBytes(StandardCharsets.UTF_8).length <= Envelope.MAX_COMPRESSOR_NAME;
    }

    /** Stops a decompression that yields more than a value may be: corrupt input or a decompression bomb. */
    private static final class BoundedOutput extends ByteArrayOutputStream {

        private final int limit;

        BoundedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if (count + (long) more > limit) {
                throw new CorruptEntryException("it decompresses to more than " + limit + " bytes");
            }
        }
    }
}
