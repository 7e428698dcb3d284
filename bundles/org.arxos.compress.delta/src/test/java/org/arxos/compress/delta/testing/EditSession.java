package org.arxos.compress.delta.testing;

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
 * Seeded edits touching a given number of objects, in the mix of the benchmarks' editing session ({@code
 * RandomEdits}): of every 100 objects, 15 components added beside a sibling of theirs (fed like it), 20 moved
 * (components to another system of the same discipline, spaces to another zone), 20 footprints shifted by up to
 * 2 m, 30 properties set to a new text, 15 components removed with their connections. Each object is touched at
 * most once per edit, and every edit applies to the revision it was made for.
 */
public final class EditSession {

    private static final int ATTEMPTS = 50;

    private final SplittableRandom random;
    private int edits;

    public EditSession(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An edit of {@code revision} touching about {@code objects} objects (connections not counted). */
    public ChangeSet edit(Revision revision, int objects) {
        edits++;
        Candidates c = new Candidates(revision);
        List<Change> changes = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        int adds = share(objects, 15);
        int moves = share(objects, 20);
        int shifts = share(objects, 20);
        int removes = share(objects, 15);
        int properties = objects - adds - moves - shifts - removes;
        for (int i = 0; i < adds; i++) {
            add(revision, c, i, changes, touched);
        }
        for (int i = 0; i < moves; i++) {
            move(revision, c, i % 3 == 2 ? c.spaces : c.components, changes, touched);
        }
        for (int i = 0; i < shifts; i++) {
            BuildingObject o = pick(c.placed, touched);
            if (o != null) {
                changes.add(new Change.SetGeometry(o.id(), shifted(o.footprint().bounds()), o.elevation()));
            }
        }
        for (int i = 0; i < properties; i++) {
            BuildingObject o = pick(c.editable, touched);
            if (o != null) {
                changes.add(new Change.SetProperty(o.id(), "note", PropertyValue.of("edit " + edits + "." + i)));
            }
        }
        Set<String> disconnected = new HashSet<>();
        for (int i = 0; i < removes; i++) {
            BuildingObject o = pick(c.components, touched);
            if (o != null) {
                for (Connection k : revision.connectionsOf(o.id())) {
                    if (disconnected.add(k.id())) {
                        changes.add(new Change.Disconnect(k.id()));
                    }
                }
                changes.add(new Change.RemoveObject(o.id()));
            }
        }
        return new ChangeSet("editor", "edit " + edits, changes);
    }

    private static int share(int objects, int percent) {
        return (int) Math.round(objects * percent / 100.0);
    }

    private void add(Revision revision, Candidates c, int i, List<Change> changes, Set<String> touched) {
        if (c.placed.isEmpty()) {
            return;
        }
        BuildingObject sibling = c.placed.get(random.nextInt(c.placed.size()));
        String id = "edit" + edits + ".add" + i;
        changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.COMPONENT, sibling.kind(),
                sibling.parentId(), null, shifted(sibling.footprint().bounds()), sibling.elevation(),
                sibling.properties())));
        touched.add(id);
        for (Connection feed : revision.connectionsOf(sibling.id())) {
            if (feed.toId().equals(sibling.id())) {
                changes.add(new Change.Connect(new Connection("edit" + edits + ".link" + i, feed.fromId(), id,
                        feed.kind(), Properties.EMPTY)));
                touched.add(feed.fromId());
                break;
            }
        }
    }

    private void move(Revision revision, Candidates c, List<BuildingObject> from, List<Change> changes,
            Set<String> touched) {
        for (int attempt = 0; attempt < ATTEMPTS && !from.isEmpty(); attempt++) {
            BuildingObject o = from.get(random.nextInt(from.size()));
            List<String> others = c.parents.getOrDefault(parentKey(revision.get(o.parentId())), List.of());
            String target = others.get(random.nextInt(others.size()));
            if (!touched.contains(o.id()) && !target.equals(o.parentId())) {
                changes.add(new Change.MoveObject(o.id(), target));
                touched.add(o.id());
                return;
            }
        }
    }

    private BuildingObject pick(List<BuildingObject> from, Set<String> touched) {
        for (int attempt = 0; attempt < ATTEMPTS && !from.isEmpty(); attempt++) {
            BuildingObject o = from.get(random.nextInt(from.size()));
            if (touched.add(o.id())) {
                return o;
            }
        }
        return null;
    }

    private Bounds shifted(Bounds b) {
        float dx = (float) (random.nextDouble() * 4 - 2);
        float dy = (float) (random.nextDouble() * 4 - 2);
        return new Bounds(b.minX() + dx, b.minY() + dy, b.maxX() + dx, b.maxY() + dy);
    }

    private static String parentKey(BuildingObject o) {
        return o.type() == ObjectType.SYSTEM ? "system:" + o.kind() : o.type().id();
    }

    /** What an edit picks from, by role. */
    private static final class Candidates {
        final List<BuildingObject> components = new ArrayList<>();
        final List<BuildingObject> placed = new ArrayList<>();
        final List<BuildingObject> spaces = new ArrayList<>();
        final List<BuildingObject> editable = new ArrayList<>();
        final Map<String, List<String>> parents = new HashMap<>();

        Candidates(Revision revision) {
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
    }
}
