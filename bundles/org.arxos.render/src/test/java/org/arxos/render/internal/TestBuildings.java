package org.arxos.render.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.arxos.api.grouping.Hierarchy;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.containment.internal.ContainmentGroupingStrategy;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/** Generated buildings shared by the tests, and brute-force answers to check the renderer against. */
final class TestBuildings {

    private static final Map<Integer, Revision> GENERATED = new ConcurrentHashMap<>();

    private TestBuildings() {
    }

    /** A generated building of {@code items} objects plus connections, seed 7, made once per test run. */
    static Revision generated(int items) {
        return GENERATED.computeIfAbsent(items,
                n -> SyntheticBuilding.generateRevision(GeneratorSettings.of(7, n)));
    }

    static Hierarchy containment(Revision revision) {
        return new ContainmentGroupingStrategy().group(revision);
    }

    static List<BuildingObject> floors(Revision revision) {
        return revision.objects().filter(o -> o.type() == ObjectType.FLOOR).toList();
    }

    /**
     * Every object with a footprint whose chain of parents reaches the floor, by a linear scan over the whole
     * building that walks each object's parents: independent of how the index finds them.
     */
    static List<BuildingObject> floorObjects(Revision revision, String floorId) {
        List<BuildingObject> found = new ArrayList<>();
        revision.objects().forEach(o -> {
            if (o.footprint() == null || o.parentId() == null) {
                return;
            }
            for (BuildingObject a = revision.get(o.parentId()); a != null;
                    a = a.parentId() == null ? null : revision.get(a.parentId())) {
                if (a.id().equals(floorId)) {
                    found.add(o);
                    return;
                }
            }
        });
        return found;
    }

    static List<BuildingObject> intersecting(List<BuildingObject> objects, Bounds viewport) {
        return objects.stream().filter(o -> o.footprint().bounds().intersects(viewport)).toList();
    }

    static Bounds extent(List<BuildingObject> objects) {
        return objects.stream().map(o -> o.footprint().bounds()).reduce(Bounds::union).orElseThrow();
    }
}
