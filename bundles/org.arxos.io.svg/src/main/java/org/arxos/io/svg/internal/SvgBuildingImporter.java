package org.arxos.io.svg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.svg.SvgFloorPlans;
import org.osgi.service.component.annotations.Component;

/** Imports SVG floor plans with the default mapping (docs/formats/svg.md). */
@Component(service = BuildingImporter.class, property = {"arxos.impl=svg", "service.ranking:Integer=0"})
public final class SvgBuildingImporter implements BuildingImporter {

    @Override
    public Set<String> mediaTypes() {
        return Set.of(SvgFloorPlans.MEDIA_TYPE);
    }

    @Override
    public Set<String> extensions() {
        return Set.of(SvgFloorPlans.EXTENSION);
    }

    @Override
    public ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException {
        return SvgFloorPlans.read(in, options);
    }
}
