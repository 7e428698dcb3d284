package org.arxos.io.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.arxos.api.io.BuildingImporter;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.json.BuildingJson;
import org.osgi.service.component.annotations.Component;

/** Imports the native JSON building document. */
@Component(service = BuildingImporter.class, property = {"arxos.impl=json", "service.ranking:Integer=0"})
public final class JsonBuildingImporter implements BuildingImporter {

    @Override
    public Set<String> mediaTypes() {
        return Set.of(BuildingJson.MEDIA_TYPE, "application/json");
    }

    @Override
    public Set<String> extensions() {
        return Set.of(BuildingJson.EXTENSION);
    }

    @Override
    public ImportResult read(InputStream in, ImportOptions options) throws ImportException, IOException {
        return BuildingJson.readBuilding(in, options);
    }
}
