package org.arxos.io.ifc.internal.export;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.api.io.BuildingExporter;
import org.arxos.io.ifc.internal.step.StepWriter;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/** Exports a revision as an IFC4 file (IFC-SPF); see {@link Ifc4Document} for what becomes what. */
@Component(service = BuildingExporter.class, property = {"arxos.impl=ifc", "service.ranking:Integer=0"})
public final class IfcBuildingExporter implements BuildingExporter {

    public static final String MEDIA_TYPE = "application/x-step";
    public static final String EXTENSION = "ifc";

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public void write(Revision revision, OutputStream out) throws IOException {
        new Ifc4Document(revision, new StepWriter(out)).write();
    }
}
