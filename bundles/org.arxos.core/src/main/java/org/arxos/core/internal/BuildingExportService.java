package org.arxos.core.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.arxos.api.io.BuildingExporter;
import org.arxos.api.io.BuildingExports;
import org.arxos.api.io.ExportFormatException;
import org.arxos.api.io.ExportRequest;
import org.arxos.api.io.ExportedRevision;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Chooses exporters ({@link ExporterChoice}) among every running one and writes revisions of the serving repository.
 * Exporters and the repository are looked up through the selector on every call, so a swapped implementation
 * serves from the next export on.
 */
@Component(service = BuildingExports.class)
public final class BuildingExportService implements BuildingExports {

    private final ImplementationSelector selector;

    @Activate
    public BuildingExportService(@Reference ImplementationSelector selector) {
        this.selector = selector;
    }

    @Override
    public List<BuildingExporter> exporters() {
        return selector.all(BuildingExporter.class);
    }

    @Override
    public BuildingExporter exporterFor(String format, String fileName) throws ExportFormatException {
        return ExporterChoice.choose(exporters(), format, fileName);
    }

    @Override
    public BuildingExporter exporterAccepting(String accept) throws ExportFormatException {
        return ExporterChoice.negotiate(exporters(), accept);
    }

    @Override
    public ExportedRevision export(ExportRequest request, OutputStream out) throws ExportFormatException, IOException {
        BuildingExporter exporter = exporterFor(request.format(), request.fileName());
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Revision revision = request.revision() == 0 ? repository.head(request.tenant(), request.buildingId())
                : repository.revision(request.tenant(), request.buildingId(), request.revision());
        String subtreeId = request.subtreeId();
        int objects = revision.objectCount();
        int connections = revision.connectionCount();
        if (subtreeId != null) {
            BuildingObject top = revision.get(subtreeId);
            if (top.parentId() != null) {
                Set<String> subtree = subtree(revision, top);
                objects = subtree.size();
                connections = (int) revision.connections()
                        .filter(c -> subtree.contains(c.fromId()) && subtree.contains(c.toId())).count();
            }
        }
        CountingOutputStream counted = new CountingOutputStream(out);
        exporter.write(revision, subtreeId, counted);
        counted.flush();
        return new ExportedRevision(request.buildingId(), revision.number(), exporter.extension(),
                exporter.mediaType(), subtreeId, objects, connections, counted.count);
    }

    /** The ids of the object and its descendants. */
    static Set<String> subtree(Revision revision, BuildingObject top) {
        Set<String> ids = new HashSet<>();
        ArrayDeque<BuildingObject> todo = new ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            BuildingObject o = todo.pop();
            ids.add(o.id());
            revision.children(o.id()).forEach(todo::push);
        }
        return ids;
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
