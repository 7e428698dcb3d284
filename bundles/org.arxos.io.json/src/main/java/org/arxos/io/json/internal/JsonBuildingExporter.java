package org.arxos.io.json.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.arxos.api.io.BuildingExporter;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/** Exports a revision as the native JSON building document. */
@Component(service = BuildingExporter.class, property = {"arxos.impl=json", "service.ranking:Integer=0"})
public final class JsonBuildingExporter implements BuildingExporter {

    @Override
    public String mediaType() {
        return BuildingJson.MEDIA_TYPE;
    }

    @Override
    public String extension() {
        return BuildingJson.EXTENSION;
    }

    @Override
    public void write(Revision revision, OutputStream out) throws IOException {
        BuildingJson.writeBuilding(revision, out);
    }
}
