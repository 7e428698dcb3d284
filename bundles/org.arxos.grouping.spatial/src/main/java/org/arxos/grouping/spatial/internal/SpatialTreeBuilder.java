package org.arxos.grouping.spatial.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * Groups a whole revision: one pass over the objects sorts each into its home, then every home's objects are packed
 * (homes in parallel, a batch at a time so that only a batch's packings are alive at once) and added to the tree.
 */
final class SpatialTreeBuilder {

    /** Homes packed at once: enough to keep the cores busy, few enough to keep the transient packings small. */
    private static final int BATCH = 32;

    private final String layout;
    private final int fanOut;

    SpatialTreeBuilder(String layout, int fanOut) {
        this.layout = layout;
        this.fanOut = fanOut;
    }

    /** Where a walk stands: an object and the home its descendants belong to. */
    private record Step(String id, String home) {
    }

    GroupTree build(Revision revision) {
        GroupTree.Builder tree = GroupTree.builder(revision, layout);
        String rootId = tree.id(tree.root());
        String buildingWide = Homes.buildingWideId(rootId);
        List<BuildingObject> homes = new ArrayList<>();
        Map<String, List<BuildingObject>> contents = new LinkedHashMap<>();
        Deque<Step> path = new ArrayDeque<>();
        // objects() is depth-first, parents first: the parent of each object is on the path
        revision.objects().forEach(o -> {
            if (o.type() == ObjectType.BUILDING) {
                path.push(new Step(o.id(), buildingWide));
                return;
            }
            while (!path.peek().id().equals(o.parentId())) {
                path.pop();
            }
            if (Homes.isHome(o.type())) {
                homes.add(o);
                path.push(new Step(o.id(), o.id()));
            } else {
                String home = path.peek().home();
                contents.computeIfAbsent(home, h -> new ArrayList<>()).add(o);
                path.push(new Step(o.id(), home));
            }
        });

        for (BuildingObject home : homes) {
            tree.addGroup(tree.group(Homes.containerOf(home, rootId)), home.id(), Homes.labelOf(home),
                    home.type().id(), home.id());
        }
        if (contents.containsKey(buildingWide)) {
            tree.addGroup(tree.root(), buildingWide, "Building-wide", Homes.BUILDING_WIDE, null);
        }
        List<String> packed = new ArrayList<>(contents.keySet());
        for (int from = 0; from < packed.size(); from += BATCH) {
            List<String> batch = packed.subList(from, Math.min(packed.size(), from + BATCH));
            List<CellPacking> packings = batch.parallelStream().map(home -> pack(contents.get(home))).toList();
            for (int i = 0; i < batch.size(); i++) {
                String home = batch.get(i);
                int group = tree.group(home);
                packings.get(i).addTo(tree, group, home);
                List<BuildingObject> unplaced = contents.get(home).stream().filter(o -> o.footprint() == null)
                        .sorted(Comparator.comparing(BuildingObject::id)).toList();
                if (!unplaced.isEmpty()) {
                    int noFootprint = Homes.addNoFootprintGroup(tree, group, home);
                    unplaced.forEach(o -> tree.addObject(noFootprint, o));
                }
            }
        }

        ChildOrder order = new ChildOrder(revision);
        tree.sortChildGroups(tree.root(), order);
        for (BuildingObject home : homes) {
            tree.sortChildGroups(tree.group(home.id()), order);
        }
        return tree.build();
    }

    private CellPacking pack(List<BuildingObject> objects) {
        List<CellPacker.Placed> placed = new ArrayList<>(objects.size());
        for (BuildingObject o : objects) {
            if (o.footprint() != null) {
                placed.add(CellPacker.Placed.of(o));
            }
        }
        // a new tree has no kept clusters to open
        return new CellPacker(fanOut, kept -> List.of()).pack(placed);
    }
}
