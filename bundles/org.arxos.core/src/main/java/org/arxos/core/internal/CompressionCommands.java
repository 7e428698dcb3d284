package org.arxos.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
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
import org.arxos.api.selection.NoImplementationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gogo commands that compress and decompress files on the server through the {@link Compressions} service, as the
 * REST API does, and show the compressors with their statistics. The file is written beside the target and moved into
 * place when the compression succeeded, so a failed command leaves nothing behind.
 */
@Component(service = CompressionCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=compress",
        "osgi.command.function=decompress",
        "osgi.command.function=compression" })
public final class CompressionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(CompressionCommands.class);

    /** Media types by file extension, for files compressed without {@code --type}. */
    static final Map<String, String> TYPES = Map.of("svg", "image/svg+xml", "json",
            "application/vnd.arxos.building+json", "ifc", "application/x-step", "png", "image/png", "txt",
            "text/plain", "xml", "application/xml");
    static final String UNKNOWN_TYPE = "application/octet-stream";
    /** What the listing asks each compressor whether it takes; the SPI answers per type, it cannot list them. */
    static final List<String> LISTED_TYPES = List.of("image/svg+xml", "application/vnd.arxos.building+json",
            "application/json", "text/plain", UNKNOWN_TYPE);

    private final ImplementationSelector selector;
    private final Compressions compressions;

    @Activate
    public CompressionCommands(@Reference ImplementationSelector selector, @Reference Compressions compressions) {
        this.selector = selector;
        this.compressions = compressions;
    }

    @Descriptor("compresses a file with the serving compressor (or --impl), the next one taking over if it fails or "
            + "does not take the content")
    public String compress(
            @Descriptor("fast, balanced (default), max, or lossy where a compressor allows it")
            @Parameter(names = "--level", absentValue = "balanced") String level,
            @Descriptor("the content's media type, e.g. image/svg+xml (default: by the file's extension)")
            @Parameter(names = "--type", absentValue = "") String type,
            @Descriptor("the compressor to ask first, e.g. svg, codec (default: the serving one)")
            @Parameter(names = "--impl", absentValue = "") String impl,
            @Descriptor("the file to compress, relative to the server home or absolute") String in,
            @Descriptor("the compressed file to write") String out) {
        try {
            CompressionLevel compressionLevel = level(level);
            Path source = readable(in);
            Path target = writable(out, source);
            CompressionRequest request = new CompressionRequest(type.isBlank() ? typeOf(source) : type,
                    compressionLevel, impl);
            CompressionResult done = transfer(source, target, (from, to) -> compressions.compress(from, to, request));
            return String.format(Locale.ROOT, "Compressed %s (%s, %s bytes) with '%s' at %s to %s: %s bytes, %.1f %% "
                    + "of the original, in %.0f ms", source, request.contentType(),
                    ImportMeter.grouped(done.originalBytes()), done.implementation().name(),
                    compressionLevel.name().toLowerCase(Locale.ROOT), target,
                    ImportMeter.grouped(done.compressedBytes()), 100 * done.ratio(), millis(done));
        } catch (Exception e) {
            return "compress failed: " + describe("compress", in, e);
        }
    }

    @Descriptor("decompresses a file with the compressor that recognises it: the serving one (or --impl) first, then "
            + "the others by ranking")
    public String decompress(
            @Descriptor("the compressor to ask first (default: the serving one)")
            @Parameter(names = "--impl", absentValue = "") String impl,
            @Descriptor("the compressed file, relative to the server home or absolute") String in,
            @Descriptor("the file to write the original to") String out) {
        try {
            Path source = readable(in);
            Path target = writable(out, source);
            CompressionResult done = transfer(source, target,
                    (from, to) -> compressions.decompress(from, to, DecompressionRequest.of(impl)));
            return String.format(Locale.ROOT, "Decompressed %s (%s bytes) with '%s' to %s: %s bytes in %.0f ms",
                    source, ImportMeter.grouped(done.compressedBytes()), done.implementation().name(), target,
                    ImportMeter.grouped(done.originalBytes()), millis(done));
        } catch (Exception e) {
            return "decompress failed: " + describe("decompress", in, e);
        }
    }

    @Descriptor("lists the running compressors, what they take, their guarded calls (from anywhere in the platform) "
            + "and what the compression service did with them: * serves, ! is pinned, x is quarantined")
    public String compression() {
        CapabilityStatus status = selector.capability(Capability.COMPRESSOR);
        if (status.implementations().isEmpty()) {
            return "No compressor is running" + (status.pinned() == null ? "" : " (pinned to " + status.pinned() + ")")
                    + ".";
        }
        Map<Long, CallRecord> records = new HashMap<>();
        selector.calls(Capability.COMPRESSOR).forEach(r -> records.put(r.implementation().serviceId(), r));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-3s %-10s %8s %7s %7s %7s %6s %6s %14s "
                + "%14s %6s %10s  %s%n", "", "COMPRESSOR", "RANKING", "CALLS", "FAILED", "REFUSED", "COMPR", "DECOMP",
                "ORIGINAL", "COMPRESSED", "RATIO", "MS", "TAKES"));
        for (Implementation impl : status.implementations()) {
            CallRecord record = records.get(impl.serviceId());
            String marks = (impl.name().equals(status.serving()) ? "*" : "")
                    + (impl.name().equals(status.pinned()) ? "!" : "")
                    + (record != null && record.quarantined() ? "x" : "");
            CompressorStatistics done = compressions.statistics(impl.name());
            out.append(String.format(Locale.ROOT, "%-3s %-10s %8d %7d %7d %7d %6d %6d %14s %14s %6s %10.0f  %s%n",
                    marks, impl.name(), impl.ranking(), record == null ? 0 : record.calls(),
                    record == null ? 0 : record.failures(), done.refusals(), done.compressions(),
                    done.decompressions(), ImportMeter.grouped(done.originalBytes()),
                    ImportMeter.grouped(done.compressedBytes()), done.originalBytes() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * done.ratio()),
                    done.compressMillis() + done.decompressMillis(), String.join(", ", takes(impl.name()))));
        }
        out.append("CALLS and FAILED count guarded calls from anywhere; the other columns what the compression service "
                + "did for every caller (REST, shell, other bundles). RATIO is compressed bytes as a share of the "
                + "original.");
        return out.toString();
    }

    /** Compresses or decompresses one file into another. */
    @FunctionalInterface
    private interface Transfer {
        CompressionResult run(InputStream from, OutputStream to) throws IOException;
    }

    /** Transfers {@code source} into a file beside {@code target}, moved into place once the transfer is done. */
    private static CompressionResult transfer(Path source, Path target, Transfer transfer) throws Exception {
        return ExportCommands.writeAtomically(target, to -> {
            try (InputStream from = Files.newInputStream(source)) {
                return transfer.run(from, to);
            }
        });
    }

    private List<String> takes(String implementation) {
        return selector.select(Compressor.class, implementation)
                .map(compressor -> LISTED_TYPES.stream().filter(compressor::supports).toList()).orElse(List.of());
    }

    static CompressionLevel level(String level) {
        try {
            return CompressionLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--level must be fast, balanced, max or lossy, not '" + level + "'");
        }
    }

    static String typeOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? UNKNOWN_TYPE : TYPES.getOrDefault(name.substring(dot + 1), UNKNOWN_TYPE);
    }

    private static Path absolute(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }

    private static Path readable(String file) {
        Path path = absolute(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        return path;
    }

    private static Path writable(String file, Path source) {
        Path path = absolute(file);
        String unwritable = ExportCommands.unwritable(path);
        if (unwritable != null) {
            throw new IllegalArgumentException(unwritable);
        }
        if (path.equals(source)) {
            throw new IllegalArgumentException("the file to write is the file to read: " + path);
        }
        return path;
    }

    private static double millis(CompressionResult done) {
        return done.time().toNanos() / 1e6;
    }

    /** One line for an expected failure; a bug is logged with a stack trace under an id the line names. */
    private static String describe(String command, String file, Exception failure) {
        if (failure instanceof ContentRefusedException) {
            return absolute(file) + ": " + failure.getMessage();
        }
        if (failure instanceof CompressionLimitException limit) {
            return absolute(file) + " passes the decompression limit " + limit.limit() + ": " + limit.getMessage();
        }
        if (failure instanceof IllegalArgumentException || failure instanceof NoImplementationException) {
            return failure.getMessage();
        }
        if (failure instanceof IOException) {
            return failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + failure.getMessage());
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("arxos:{} {}: internal error {}", command, file, errorId, failure);
        return "internal error, see the server log with id " + errorId;
    }
}
