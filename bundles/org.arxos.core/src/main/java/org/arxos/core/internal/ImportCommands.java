package org.arxos.core.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.arxos.api.io.BuildingImports;
import org.arxos.api.io.ImportJob;
import org.arxos.api.io.ImportReport;
import org.arxos.api.io.ImportRequest;
import org.arxos.api.io.ImportedBuilding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gogo commands to import a building file on the server and to see recent imports. */
@Component(service = ImportCommands.class, property = {
        "osgi.command.scope=arxos",
        "osgi.command.function=import",
        "osgi.command.function=imports" })
public final class ImportCommands {

    static final String DEFAULT_TENANT = "default";
    private static final Logger LOG = LoggerFactory.getLogger(ImportCommands.class);
    private static final int WARNINGS_SHOWN = 10;

    private final BuildingImports imports;

    @Activate
    public ImportCommands(@Reference BuildingImports imports) {
        this.imports = imports;
    }

    /** {@code arxos:import} ({@code import} is a Java keyword; Gogo finds the method by its name after the "_"). */
    @Descriptor("imports a building file (IFC, SVG, native JSON, ... whatever the running importers read, chosen by "
            + "the file's extension), printing progress while it runs and the import report at the end")
    public String _import(
            @Descriptor("the tenant that receives the building (default: default)")
            @Parameter(names = "--tenant", absentValue = DEFAULT_TENANT) String tenant,
            @Descriptor("the building id (default: the id in the file)")
            @Parameter(names = "--id", absentValue = "") String buildingId,
            @Descriptor("the user recorded as author and made the building's OWNER (default: none; the author is "
                    + "'console' and the tenant's roles apply)")
            @Parameter(names = "--user", absentValue = "") String user,
            @Descriptor("the file, relative to the server home or absolute") String file) {
        return importFile(tenant, buildingId, user, file, System.out);
    }

    String importFile(String tenant, String buildingId, String user, String file, PrintStream out) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            return "import failed: no such file: " + path;
        }
        ImportRequest request = new ImportRequest(tenant, user, path.getFileName().toString(), null, buildingId,
                -1, 0, job -> out.println("  " + progressLine(job)));
        try (InputStream in = Files.newInputStream(path)) {
            request = request.withTotalBytes(Files.size(path));
            long start = System.nanoTime();
            ImportedBuilding done = imports.importBuilding(request, in);
            return summary(request, done, (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            String problem = ImportFailures.describe(request.sourceName(), e);
            if (problem == null) {
                String errorId = UUID.randomUUID().toString();
                LOG.error("arxos:import {}: internal error {}", path, errorId, e);
                problem = request.sourceName() + ": internal error, see the server log with id " + errorId;
            }
            return "import failed: " + problem;
        }
    }

    @Descriptor("lists the imports running and recently finished, newest first")
    public String imports() {
        List<ImportJob> jobs = imports.jobs();
        if (jobs.isEmpty()) {
            return "no imports running or recently finished";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s  %-12s  %-9s  %7s  %11s  %10s  %s%n",
                "JOB", "TENANT", "STATE", "PERCENT", "OBJECTS", "OBJECTS/S", "SOURCE -> RESULT"));
        for (ImportJob job : jobs) {
            String outcome = job.result() != null ? "building '" + job.result().building().id() + "'"
                    : job.problem() != null ? job.problem() : "";
            out.append(String.format(Locale.ROOT, "%-16s  %-12s  %-9s  %7s  %11s  %10s  %s%s%n", job.id(),
                    job.tenant(), job.state(), job.percent() == null ? "-" : String.format(Locale.ROOT, "%.0f %%",
                            Math.floor(job.percent())), ImportMeter.grouped(job.objectsRead()),
                    ImportMeter.grouped(Math.round(job.objectsPerSecond())), job.sourceName(),
                    outcome.isEmpty() ? "" : " -> " + outcome));
        }
        return out.toString();
    }

    static String progressLine(ImportJob job) {
        String bytes = job.percent() == null ? ImportMeter.megabytes(job.bytesRead())
                : String.format(Locale.ROOT, "%.0f %% (%s of %s)", Math.floor(job.percent()),
                        ImportMeter.megabytes(job.bytesRead()), ImportMeter.megabytes(job.totalBytes()));
        return job.sourceName() + ": " + bytes + ", " + ImportMeter.grouped(job.objectsRead()) + " objects, "
                + ImportMeter.grouped(Math.round(job.objectsPerSecond())) + " objects/s";
    }

    static String summary(ImportRequest request, ImportedBuilding done, double seconds) {
        var building = done.building();
        StringBuilder out = new StringBuilder();
        out.append("Imported ").append(request.sourceName()).append(" as building '").append(building.id())
                .append("' of tenant '").append(building.tenant()).append("', revision ")
                .append(building.headRevision()).append(": ").append(ImportMeter.grouped(building.objectCount()))
                .append(" objects, ").append(ImportMeter.grouped(building.connectionCount())).append(" connections")
                .append(request.user() == null ? "" : "; owner " + request.user()).append('\n');
        long items = (long) building.objectCount() + building.connectionCount();
        out.append(String.format(Locale.ROOT, "  %s in %.1f s, %s objects/s%n",
                ImportMeter.megabytes(Math.max(0, request.totalBytes())), seconds,
                ImportMeter.grouped(seconds < 0.001 ? 0 : Math.round(items / seconds))));
        ImportReport report = done.report();
        appendCounts(out, "mapped", report.mapped());
        appendCounts(out, "kept as properties", report.kept());
        appendCounts(out, "skipped", report.skipped());
        if (!report.warnings().isEmpty()) {
            out.append("  warnings (").append(report.warnings().size()).append("):\n");
            report.warnings().stream().limit(WARNINGS_SHOWN).forEach(w -> out.append("    ").append(w).append('\n'));
            if (report.warnings().size() > WARNINGS_SHOWN) {
                out.append("    ... ").append(report.warnings().size() - WARNINGS_SHOWN).append(" more\n");
            }
        }
        return out.toString();
    }

    private static void appendCounts(StringBuilder out, String what, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.append("  ").append(what).append(": ");
        StringBuilder line = new StringBuilder();
        new TreeMap<>(counts).forEach((type, n) -> line.append(line.length() == 0 ? "" : ", ").append(type)
                .append(' ').append(ImportMeter.grouped(n)));
        out.append(line).append('\n');
    }
}
