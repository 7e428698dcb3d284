package org.arxos.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.arxos.api.io.BuildingExports;
import org.arxos.api.io.ExportFormatException;
import org.arxos.api.io.ExportRequest;
import org.arxos.api.io.ExportedRevision;
import org.arxos.api.repository.RepositoryException;
import org.arxos.api.selection.NoImplementationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Gogo command that writes a building (or part of it) to a file on the server, in any exported format. */
@Component(service = ExportCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=export" })
public final class ExportCommands {

    private static final Logger LOG = LoggerFactory.getLogger(ExportCommands.class);

    private final BuildingExports exports;

    @Activate
    public ExportCommands(@Reference BuildingExports exports) {
        this.exports = exports;
    }

    @Descriptor("exports a building to a file (IFC, SVG, native JSON, ... whatever the running exporters write, chosen "
            + "by the file's extension unless --format names it), printing what was written")
    public String export(
            @Descriptor("the tenant the building belongs to (default: default)")
            @Parameter(names = "--tenant", absentValue = ImportCommands.DEFAULT_TENANT) String tenant,
            @Descriptor("the revision number (default: head)")
            @Parameter(names = "--revision", absentValue = "head") String revision,
            @Descriptor("the format: an extension such as ifc, svg, json, or a media type (default: the file's "
                    + "extension)")
            @Parameter(names = "--format", absentValue = "") String format,
            @Descriptor("the object to export with its subtree, e.g. a floor (default: the whole building)")
            @Parameter(names = "--node", absentValue = "") String node,
            @Descriptor("the building id") String building,
            @Descriptor("the file to write, relative to the server home or absolute") String file) {
        return exportFile(tenant, building, revision, format, node, file);
    }

    String exportFile(String tenant, String building, String revision, String format, String node, String file) {
        long number = revisionNumber(revision);
        if (number < 0) {
            return "export failed: " + badRevision(revision);
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        String unwritable = unwritable(path);
        if (unwritable != null) {
            return "export failed: " + unwritable;
        }
        ExportRequest request = new ExportRequest(tenant, building, number, format, path.getFileName().toString(),
                node);
        try {
            // the format is checked before a file is made
            exports.exporterFor(request.format(), request.fileName());
            long start = System.nanoTime();
            ExportedRevision done = writeAtomically(path, out -> exports.export(request, out));
            return summary(tenant, path, done, (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            return "export failed: " + describe(request, path, e);
        }
    }

    /** The number of {@code --revision}: 0 for the head, -1 when it is not a revision number. */
    static long revisionNumber(String revision) {
        if (revision == null || revision.isBlank() || revision.equals("head")) {
            return 0;
        }
        try {
            long number = Long.parseLong(revision.strip());
            return number < 1 ? -1 : number;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String badRevision(String revision) {
        return "--revision must be a revision number from 1 or 'head' but was '" + revision + "'";
    }

    /** Why a file cannot be written at {@code path}, or {@code null} when it can. */
    static String unwritable(Path path) {
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            return "no such folder: " + path.getParent();
        }
        if (Files.isDirectory(path)) {
            return path + " is a folder; name the file to write";
        }
        return null;
    }

    /** What writes a file's content and says what it wrote. */
    @FunctionalInterface
    interface ContentWriter<T> {
        T write(OutputStream out) throws Exception;
    }

    /**
     * Writes to a temporary file beside {@code path} and moves it into place only when the writer succeeded, so a
     * failed write never leaves a partial file under the name asked for.
     */
    static <T> T writeAtomically(Path path, ContentWriter<T> writer) throws Exception {
        Path part = path.resolveSibling(path.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8)
                + ".part");
        try {
            T written;
            try (OutputStream out = Files.newOutputStream(part)) {
                written = writer.write(out);
            }
            move(part, path);
            return written;
        } catch (Exception e) {
            deleteQuietly(part);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    /** One line for an expected failure; a bug is logged with a stack trace under an id the line names. */
    static String describe(ExportRequest request, Path path, Exception failure) {
        String text;
        if (failure instanceof ExportFormatException || failure instanceof RepositoryException
                || failure instanceof NoImplementationException) {
            text = failure.getMessage();
        } else if (failure instanceof NoSuchElementException) {
            text = "building '" + request.buildingId() + "': " + failure.getMessage();
        } else if (failure instanceof UnsupportedOperationException || failure instanceof IllegalArgumentException) {
            text = failure.getMessage();
        } else if (failure instanceof IOException) {
            text = "could not write " + path + ": " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + failure.getMessage());
        } else {
            String errorId = UUID.randomUUID().toString();
            LOG.error("arxos:export {} to {}: internal error {}", request.buildingId(), path, errorId, failure);
            text = "internal error, see the server log with id " + errorId;
        }
        return text == null ? failure.getClass().getSimpleName() : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    static String summary(String tenant, Path path, ExportedRevision done, double seconds) {
        return "Exported building '" + done.buildingId() + "' of tenant '" + tenant + "', revision "
                + done.revision() + (done.subtreeId() == null ? "" : ", the subtree of '" + done.subtreeId() + "'")
                + ", as " + done.extension() + " to " + path + ": " + ImportMeter.grouped(done.objects())
                + " objects, " + ImportMeter.grouped(done.connections()) + " connections, "
                + ImportMeter.grouped(done.bytes()) + " bytes (" + ImportMeter.megabytes(done.bytes()) + ")"
                + String.format(Locale.ROOT, " in %.1f s", seconds);
    }
}
