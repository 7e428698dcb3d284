package org.arxos.io.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Needs {@code ../shared/data/ifc} (fails without it): every file parses, with the entity counts of a line scan. */
class SharedIfcFilesTest {

    static final List<String> TYPES = List.of("IFCBUILDINGSTOREY", "IFCSPACE", "IFCWALL", "IFCWALLSTANDARDCASE",
            "IFCDOOR", "IFCWINDOW", "IFCSLAB");

    @Test
    void everyFileParsesWithTheCountsOfAnIndependentScan() throws IOException {
        for (Path file : SharedIfcFiles.files()) {
            String name = file.getFileName().toString();
            StepFile f;
            try (InputStream in = Files.newInputStream(file)) {
                f = StepReader.read(in, name, StepLimits.DEFAULTS);
            }
            // Real exporters leave dangling references: example.ifc has two, in one window style; the others none.
            List<String> missing = f.missingReferences(10).stream().map(Exception::getMessage).toList();
            assertEquals(name.equals("example.ifc") ? List.of(
                    "example.ifc:6517: #14315=IFCWINDOWSTYLE argument 5 refers to #14747, which the file does not define",
                    "example.ifc:6517: #14315=IFCWINDOWSTYLE argument 6 refers to #14687, which the file does not define")
                    : List.of(), missing, name);
            Map<String, Integer> expected = SharedIfcFiles.countByLineScan(file);
            assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(), f.size(), name);
            for (String type : TYPES) {
                assertEquals(expected.getOrDefault(type, 0).intValue(), f.entitiesOfType(type).size(),
                        name + " " + type);
            }
            assertEquals(expected, f.typeCounts(), name);
            assertTrue(StepReader.supported(f.header().schema()), name);
            assertEquals(1, f.entitiesOfType("IFCPROJECT").size(), name);
        }
    }
}
