package org.arxos.core.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CompressionRequest;
import org.arxos.api.compress.CompressionResult;
import org.arxos.api.compress.Compressions;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CompressorStatistics;
import org.arxos.api.compress.ContentRefusedException;
import org.arxos.api.compress.DecompressionRequest;
import org.arxos.api.selection.CallFailure;
import org.arxos.api.selection.CallGuard;
import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.api.selection.ImplementationsFailedException;
import org.arxos.api.selection.NoImplementationException;
import org.arxos.api.selection.Served;
import org.arxos.api.selection.ServiceCall;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Calls the running compressors through the selector until one does the job, as {@link Compressions} describes,
 * holding the content and each compressor's output in {@link Spool}s, and counts what each compressor did. Immediate,
 * so the statistics outlive each caller's use of the service (the shell releases it after every command).
 */
@Component(service = Compressions.class, immediate = true, configurationPid = CompressionConfiguration.PID)
@Designate(ocd = CompressionConfiguration.class)
public final class CompressionService implements Compressions {

    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

    private final ImplementationSelector selector;
    private final CompressionMeters meters = new CompressionMeters();
    private volatile CompressionSettings settings;

    @Activate
    public CompressionService(@Reference ImplementationSelector selector, CompressionConfiguration configuration) {
        this(selector, CompressionSettings.of(configuration));
    }

    public CompressionService(ImplementationSelector selector, CompressionSettings settings) {
        this.selector = selector;
        this.settings = settings;
    }

    @Modified
    void modified(CompressionConfiguration configuration) {
        settings = CompressionSettings.of(configuration);
    }

    @Override
    public CompressionResult compress(InputStream original, OutputStream compressed, CompressionRequest request)
            throws IOException {
        String type = request.contentType();
        CompressionLevel level = request.level();
        Done done = call(request.implementation(), original, compressed, Long.MAX_VALUE, null,
                (compressor, in, out) -> {
                    if (!compressor.supports(type)) {
                        return "does not take " + type;
                    }
                    compressor.compress(in, out, type, level);
                    return null;
                }, refusals -> new ContentRefusedException("no running compressor compresses " + type + " content",
                        reasons(refusals), refusals.values().stream().allMatch(refused -> refused.cause() == null)));
        meters.compressed(done.by().name(), done.bytesIn(), done.bytesOut(), done.nanos());
        return new CompressionResult(done.by(), done.bytesIn(), done.bytesOut(), Duration.ofNanos(done.nanos()));
    }

    @Override
    public CompressionResult decompress(InputStream compressed, OutputStream original, DecompressionRequest request)
            throws IOException {
        Done done = call(request.implementation(), compressed, original, request.maxOriginalBytes(),
                request.limitName(), (compressor, in, out) -> {
                    compressor.decompress(in, out);
                    return null;
                }, CompressionService::unreadable);
        meters.decompressed(done.by().name(), done.bytesOut(), done.bytesIn(), done.nanos());
        return new CompressionResult(done.by(), done.bytesOut(), done.bytesIn(), Duration.ofNanos(done.nanos()));
    }

    @Override
    public CompressorStatistics statistics(String implementation) {
        return meters.of(implementation);
    }

    /** A limit passed is the answer, even if the other compressors did not recognise the data at all. */
    private static IOException unreadable(Map<String, Refused> refusals) {
        for (Refused refused : refusals.values()) {
            if (refused.cause() instanceof CompressionLimitException limit) {
                return limit;
            }
        }
        return new ContentRefusedException("no running compressor reads this data: it is corrupt, or made by a "
                + "compressor that is not running", reasons(refusals), false);
    }

    private static Map<String, String> reasons(Map<String, Refused> refusals) {
        Map<String, String> reasons = new LinkedHashMap<>();
        refusals.forEach((name, refused) -> reasons.put(name, refused.reason()));
        return reasons;
    }

    /** What a compressor is asked to do. */
    @FunctionalInterface
    private interface Job {
        /** @return why the compressor does not take the content, or {@code null} when it did the job */
        String run(Compressor compressor, InputStream in, OutputStream out) throws IOException;
    }

    /** What one compressor made of the job. */
    private sealed interface Attempt {
    }

    /** @param nanos how long the compressor took */
    private record Finished(Spool output, long nanos) implements Attempt {
    }

    /** @param cause what the compressor threw, or {@code null} when it does not take the media type */
    private record Refused(String reason, Exception cause) implements Attempt {
    }

    /** The job done: by whom, the bytes read and written, and how long the compressor took. */
    private record Done(Implementation by, long bytesIn, long bytesOut, long nanos) {
    }

    /**
     * Asks the compressors in turn until one does the job, then copies its output to {@code out}.
     *
     * @param preferred the compressor to ask first, or {@code null} for the serving one; then every other by ranking
     * @param maxOut    the most bytes a compressor may write, named {@code limitName} when it passes them
     * @param refused   the exception when every compressor refused
     */
    private Done call(String preferred, InputStream in, OutputStream out, long maxOut, String limitName, Job job,
            Function<Map<String, Refused>, IOException> refused) throws IOException {
        List<String> order = order(preferred);
        try (Spools spools = new Spools(settings)) {
            Spool input = spools.create();
            in.transferTo(input);
            Map<String, Refused> refusals = new LinkedHashMap<>();
            Set<String> asked = new HashSet<>();
            for (String name : order) {
                if (asked.contains(name)) {
                    continue;
                }
                Served<Attempt> served = served(name, (compressor, implementation) -> {
                    Spool output = spools.create();
                    long start = System.nanoTime();
                    try (InputStream from = input.open()) {
                        OutputStream to = new BufferedOutputStream(new AttemptOutput(output, maxOut, limitName),
                                OUTPUT_BUFFER_BYTES);
                        String untaken = job.run(compressor, from, to);
                        if (untaken != null) {
                            return new Refused(untaken, null);
                        }
                        to.flush();
                        return new Finished(output, System.nanoTime() - start);
                    } catch (IOException | IllegalArgumentException e) {
                        // the content, not the compressor: not the media type it said, corrupt, over a limit; the
                        // next compressor may take it
                        return new Refused(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
                    }
                });
                served.failures().forEach(failure -> asked.add(failure.implementation().name()));
                Implementation by = served.implementation();
                asked.add(by.name());
                if (served.value() instanceof Finished finished) {
                    finished.output().transferTo(out);
                    out.flush();
                    return new Done(by, input.size(), finished.output().size(), finished.nanos());
                }
                Refused refusal = (Refused) served.value();
                meters.refused(by.name());
                refusals.put(by.name(), refusal);
            }
            throw refused.apply(refusals);
        }
    }

    /** One guarded call, its failures counted against their compressors, also when every compressor failed. */
    private Served<Attempt> served(String name, ServiceCall<Compressor, Attempt> attempt) {
        Served<Attempt> served;
        try {
            served = selector.call(Compressor.class, name, attempt, CallGuard.any());
        } catch (ImplementationsFailedException e) {
            e.failures().forEach(this::failed);
            throw e;
        }
        served.failures().forEach(this::failed);
        return served;
    }

    private void failed(CallFailure failure) {
        meters.failed(failure.implementation().name());
    }

    private List<String> order(String preferred) {
        CapabilityStatus status = selector.capability(Capability.COMPRESSOR);
        if (status.implementations().isEmpty()) {
            throw new NoImplementationException("no implementation of " + Capability.COMPRESSOR.id() + " is running");
        }
        List<String> order = new ArrayList<>();
        if (preferred != null) {
            order.add(preferred);
        }
        if (status.serving() != null) {
            order.add(status.serving());
        }
        status.implementations().forEach(implementation -> order.add(implementation.name()));
        return order;
    }

    /**
     * The spools of one call: the content and each compressor's output. Closing them all when the call ends also
     * covers a compressor the selector gave up waiting for, which may still be writing.
     */
    private static final class Spools implements Closeable {

        private final CompressionSettings settings;
        private final List<Spool> spools = new ArrayList<>();
        private boolean closed;

        Spools(CompressionSettings settings) {
            this.settings = settings;
        }

        synchronized Spool create() throws IOException {
            if (closed) {
                throw new IOException("the compression call has ended");
            }
            Spool spool = new Spool(settings.spoolDirectory(), settings.memoryBytes());
            spools.add(spool);
            return spool;
        }

        @Override
        public synchronized void close() {
            closed = true;
            spools.forEach(Spool::close);
        }
    }

    /**
     * What a compressor writes to: its own spool, within the caller's limit. Closing it does nothing, since the spool
     * is read after the compressor returns.
     */
    private static final class AttemptOutput extends FilterOutputStream {

        private final long max;
        private final String limitName;
        private long written;

        AttemptOutput(Spool spool, long max, String limitName) {
            super(spool);
            this.max = max;
            this.limitName = limitName;
        }

        @Override
        public void write(int b) throws IOException {
            admit(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int offset, int length) throws IOException {
            admit(length);
            out.write(b, offset, length);
        }

        private void admit(int length) throws CompressionLimitException {
            if (length > max - written) {
                throw new CompressionLimitException(limitName, "the decompressed content is larger than the "
                        + limitName + " limit of " + max + " bytes");
            }
            written += length;
        }

        @Override
        public void close() {
            // the spool outlives the compressor's use of this stream
        }
    }
}
