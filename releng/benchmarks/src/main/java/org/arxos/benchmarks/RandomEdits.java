package org.arxos.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * Seeded change sets of about 100 objects against one revision, the mix an editing session makes: components added
 * next to a sibling (and fed from the sibling's source), components moved to another system of the same discipline
 * (or another parent of the same type) and spaces moved to another zone, geometry moved by up to 2 m, properties
 * set, and components removed with their connections. Every object is touched at most once per set; the set applies
 * cleanly to the revision. A revision too small for the whole mix gets what it has room for.
 */
final class RandomEdits {

    private static final int ADDS = 15;
    private static final int MOVES = 20;
    private static final int GEOMETRY_EDITS = 20;
    private static final int PROPERTY_EDITS = 30;
    private static final int REMOVES = 15;

    private static final int ATTEMPTS = 50;

    /** One change set and the number of objects it adds, moves, edits or removes (connections not counted). */
    record Edit(ChangeSet changes, int objects) {
    }

    private final Revision revision;
    private final List<BuildingObject> components = new ArrayList<>();
    private final List<BuildingObject> placed = new ArrayList<>();
    private final List<BuildingObject> spaces = new ArrayList<>();
    private final List<BuildingObject> editable = new ArrayList<>();
    /** Possible parents by {@link #parentKey}: same type, and for systems the same discipline. */
    private final Map<String, List<String>> parents = new HashMap<>();
    private int sets;

    RandomEdits(Revision revision) {
        this.revision = revision;
        revision.objects().forEach(o -> {
            parents.computeIfAbsent(parentKey(o), k -> new ArrayList<>()).add(o.id());
            if (o.parentId() != null) {
                editable.add(o);
            }
            if (o.type() == ObjectType.COMPONENT) {
                components.add(o);
                if (o.footprint() != null) {
                    placed.add(o);
                }
            } else if (o.type() == ObjectType.SPACE) {
                spaces.add(o);
            }
        });
    }

    /** The next change set of the sequence this seed gives. */
    Edit next(SplittableRandom random) {
        sets++;
        List<Change> changes = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (int i = 0; i < ADDS; i++) {
            add(random, i, changes, touched);
        }
        for (int i = 0; i < MOVES; i++) {
            move(random, i % 3 == 2 ? spaces : components, changes, touched);
        }
        for (int i = 0; i < GEOMETRY_EDITS; i++) {
            BuildingObject o = pick(random, placed, touched);
            if (o != null) {
                changes.add(new Change.SetGeometry(o.id(), shifted(random, o.footprint().bounds()), o.elevation()));
            }
        }
        for (int i = 0; i < PROPERTY_EDITS; i++) {
            BuildingObject o = pick(random, editable, touched);
            if (o != null) {
                changes.add(new Change.SetProperty(o.id(), "note", PropertyValue.of("benchmark edit " + sets + "." + i)));
            }
        }
        Set<String> disconnected = new HashSet<>();
        for (int i = 0; i < REMOVES; i++) {
            BuildingObject o = pick(random, components, touched);
            if (o != null) {
                for (Connection c : revision.connectionsOf(o.id())) {
                    if (disconnected.add(c.id())) {
                        changes.add(new Change.Disconnect(c.id()));
                    }
                }
                changes.add(new Change.RemoveObject(o.id()));
            }
        }
        int objects = (int) changes.stream()
                .filter(c -> !(c instanceof Change.Connect || c instanceof Change.Disconnect)).count();
        return new Edit(new ChangeSet("benchmark", "random edit " + sets, changes), objects);
    }

    private void add(SplittableRandom random, int i, List<Change> changes, Set<String> touched) {
        if (placed.isEmpty()) {
            return;
        }
        BuildingObject sibling = placed.get(random.nextInt(placed.size()));
        String id = "bench.add." + sets + "." + i;
        changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.COMPONENT, sibling.kind(),
                sibling.parentId(), null, shifted(random, sibling.footprint().bounds()), sibling.elevation(),
                Properties.EMPTY)));
        touched.add(id);
        for (Connection feed : revision.connectionsOf(sibling.id())) {
            // fed like its sibling; the source is then kept out of the removals
            if (feed.toId().equals(sibling.id())) {
                changes.add(new Change.Connect(new Connection("bench.link." + sets + "." + i, feed.fromId(), id,
                        feed.kind(), Properties.EMPTY)));
                touched.add(feed.fromId());
                break;
            }
        }
    }

    private void move(SplittableRandom random, List<BuildingObject> candidates, List<Change> changes,
            Set<String> touched) {
        for (int attempt = 0; attempt < ATTEMPTS && !candidates.isEmpty(); attempt++) {
            BuildingObject o = candidates.get(random.nextInt(candidates.size()));
            List<String> others = parents.getOrDefault(parentKey(revision.get(o.parentId())), List.of());
            String target = others.get(random.nextInt(others.size()));
            if (!touched.contains(o.id()) && !target.equals(o.parentId())) {
                changes.add(new Change.MoveObject(o.id(), target));
                touched.add(o.id());
                return;
            }
        }
    }

    /** A random object of the list that is not touched yet, now touched; {@code null} when none is found. */
    private static BuildingObject pick(SplittableRandom random, List<BuildingObject> from, Set<String> touched) {
        for (int attempt = 0; attempt < ATTEMPTS && !from.isEmpty(); attempt++) {
            BuildingObject o = from.get(random.nextInt(from.size()));
            if (touched.add(o.id())) {
                return o;
            }
        }
        return null;
    }

    private static Bounds shifted(SplittableRandom random, Bounds b) {
        float dx = (float) (random.nextDouble() * 4 - 2);
        float dy = (float) (random.nextDouble() * 4 - 2);
        return new Bounds(b.minX() + dx, b.minY() + dy, b.maxX() + dx, b.maxY() + dy);
    }

    private static String parentKey(BuildingObject o) {
        return o.type() == ObjectType.SYSTEM ? "system:" + o.kind() : o.type().id();
    }
}
