package org.arxos.io.svg.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.api.io.BuildingExporter;
import org.arxos.io.svg.SvgFloorPlans;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/** Exports a revision as an Arxos SVG that re-imports to the same objects. */
@Component(service = BuildingExporter.class, property = {"arxos.impl=svg", "service.ranking:Integer=0"})
public final class SvgBuildingExporter implements BuildingExporter {

    @Override
    public String mediaType() {
        return SvgFloorPlans.MEDIA_TYPE;
    }

    @Override
    public String extension() {
        return SvgFloorPlans.EXTENSION;
    }

    @Override
    public void write(Revision revision, OutputStream out) throws IOException {
        SvgFloorPlans.write(revision, out);
    }
}
