package org.arxos.io.svg.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.NoSuchElementException;

import org.arxos.api.io.BuildingExporter;
import org.arxos.io.svg.SvgFloorPlans;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/**
 * Exports a revision as an Arxos SVG that re-imports to the same objects: the whole building, or one floor or zone
 * with its subtree (inside groups for its ancestors).
 */
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

    /**
     * The whole building ({@code null} or the root's id), or a floor or zone with its subtree.
     *
     * @throws NoSuchElementException   when the revision has no object {@code subtreeId}
     * @throws IllegalArgumentException when the object is neither the building, a floor nor a zone
     */
    @Override
    public void write(Revision revision, String subtreeId, OutputStream out) throws IOException {
        if (subtreeId == null) {
            write(revision, out);
            return;
        }
        BuildingObject object = revision.get(subtreeId);
        switch (object.type()) {
            case BUILDING -> write(revision, out);
            case FLOOR, ZONE -> SvgFloorPlans.write(revision, subtreeId, out);
            default -> throw new IllegalArgumentException("the svg format exports a building, a floor or a zone, "
                    + "but '" + subtreeId + "' is a " + object.type().id());
        }
    }
}
