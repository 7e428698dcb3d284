package org.arxos.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.arxos.api.io.ImportOptions;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.io.ifc.internal.export.IfcBuildingExporter;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;

/**
 * A building the compression benchmark measures, with the sizes of its IFC source (the shared file, or for a
 * generated building its IFC4 export) and of its native JSON, plain and gzip'd at level 9.
 *
 * @param json the native JSON, kept: its length is what the rates are per second of, and the JSON baseline reads it
 */
record BimCompressionSource(String name, Revision revision, long ifcBytes, byte[] json, long gzipBytes) {

    static BimCompressionSource ifcFile(Path file) throws Exception {
        Revision revision;
        try (InputStream in = Files.newInputStream(file)) {
            revision = Revision.EMPTY.apply(new IfcBuildingImporter()
                    .read(in, ImportOptions.of(file.getFileName().toString())).content());
        }
        return of(file.getFileName().toString(), revision, Files.size(file));
    }

    static BimCompressionSource generated(int items) throws IOException {
        Revision revision = generatedRevision(items);
        CountingOutputStream ifc = new CountingOutputStream();
        new IfcBuildingExporter().write(revision, ifc);
        return of("generated " + items, revision, ifc.count());
    }

    static Revision generatedRevision(int items) {
        return SyntheticBuilding.generateRevision(GeneratorSettings.of(42, items));
    }

    private static BimCompressionSource of(String name, Revision revision, long ifcBytes) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        BuildingJson.writeBuilding(revision, json);
        byte[] bytes = json.toByteArray();
        return new BimCompressionSource(name, revision, ifcBytes, bytes, gzip9(bytes));
    }

    static long gzip9(byte[] bytes) throws IOException {
        CountingOutputStream counted = new CountingOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(counted, 1 << 16) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(bytes);
        }
        return counted.count();
    }
}
