package org.arxos.io.ifc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.ifc.internal.mapping.IfcMapper;
import org.arxos.io.ifc.internal.mapping.IfcMappingException;
import org.arxos.io.ifc.internal.step.StepFile;
import org.arxos.io.ifc.internal.step.StepFormatException;
import org.arxos.io.ifc.internal.step.StepLimits;
import org.arxos.io.ifc.internal.step.StepReader;
import org.osgi.service.component.annotations.Component;

/** Imports IFC-SPF files (IFC2X3, IFC4, IFC4X3) into a building; the mapping is in {@code docs/formats/ifc.md}. */
@Component(service = BuildingImporter.class, property = {"arxos.impl=ifc", "service.ranking:Integer=0"})
public final class IfcBuildingImporter implements BuildingImporter {

    private static final System.Logger LOG = System.getLogger(IfcBuildingImporter.class.getName());

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-step", "model/ifc", "application/ifc");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("ifc");
    }

    @Override
    public ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException {
        String source = options.sourceName() == null ? "ifc" : options.sourceName();
        StepFile file;
        try {
            file = StepReader.read(in, source, StepLimits.DEFAULTS);
        } catch (StepFormatException e) {
            throw new ImportException(source, e.line(), null, e.problem());
        }
        try {
            return IfcMapper.map(file, options);
        } catch (IfcMappingException e) {
            throw new ImportException(source, e.line(), e.field(), e.problem());
        } catch (RuntimeException e) {
            // Last resort: bad input is reported as an IfcMappingException naming the entity and its line, so this is
            // a defect of the mapping. Still an import error, never an unchecked escape; the user gets a neutral
            // message, the stack goes to the log, and the cause stays attached for callers and tests.
            LOG.log(System.Logger.Level.DEBUG, () -> "unexpected error mapping " + source, e);
            ImportException failure = new ImportException(source, 0, null,
                    "cannot map the file: an unexpected internal error occurred (details are in the log at debug level)");
            failure.initCause(e);
            throw failure;
        }
    }
}
