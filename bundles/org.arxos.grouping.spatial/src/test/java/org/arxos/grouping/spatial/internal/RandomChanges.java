package org.arxos.grouping.spatial.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;

/**
 * Valid random change sets over a building: every kind of change, on objects of every type, scattered over floors.
 * Each object is the target of at most one change of a set, so the changes never contradict each other.
 */
final class RandomChanges {

    private final Revision revision;
    private final SplittableRandom random;
    private final List<BuildingObject> floors;
    private final List<BuildingObject> zones;
    private final List<BuildingObject> spaces;
    private final List<BuildingObject> systems;
    private final List<BuildingObject> components;
    private final Set<String> used = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();

    RandomChanges(Revision revision, SplittableRandom random) {
        this.revision = revision;
        this.random = random;
        floors = ofType(ObjectType.FLOOR);
        zones = ofType(ObjectType.ZONE);
        spaces = ofType(ObjectType.SPACE);
        systems = ofType(ObjectType.SYSTEM);
        components = ofType(ObjectType.COMPONENT);
    }

    private List<BuildingObject> ofType(ObjectType type) {
        return revision.objects().filter(o -> o.type() == type).toList();
    }

    /** About {@code size} changes of every kind. */
    List<Change> mixed(int size) {
        for (int i = 0; i < size; i++) {
            switch (random.nextInt(12)) {
                case 0, 1 -> reshape(pick(random.nextBoolean() ? components : spaces));
                case 2 -> property(pick(components));
                case 3 -> rename(pick(random.nextInt(3) == 0 ? zones : components));
                case 4, 5 -> addComponent();
                case 6 -> addSpaceOrSystem();
                case 7, 8 -> moveComponent(pick(components));
                case 9 -> moveSpaceOrSystem();
                case 10 -> removeComponent(pick(components));
                default -> moveZoneOrReshapeFloor();
            }
        }
        return changes;
    }

    /** Every object of a zone's subtree removed, deepest first, with its connections; then the zone. */
    List<Change> removeZone(String zoneId) {
        List<String> order = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>(List.of(zoneId));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            order.add(id);
            revision.children(id).forEach(c -> pending.push(c.id()));
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            disconnect(order.get(i));
            changes.add(new Change.RemoveObject(order.get(i)));
        }
        return changes;
    }

    private void reshape(BuildingObject o) {
        if (o == null) {
            return;
        }
        int kind = random.nextInt(10);
        Bounds old = o.footprint() == null ? null : o.footprint().bounds();
        Bounds footprint;
        if (kind == 0 || old == null) {
            footprint = kind == 0 ? null : randomBounds();
        } else if (kind == 1) {
            footprint = old; // the elevation alone changes
        } else if (kind == 2) {
            footprint = new Bounds(old.minX() - 0.5f, old.minY() - 0.25f, old.maxX() + 0.5f, old.maxY() + 0.25f);
        } else {
            footprint = randomBounds();
        }
        changes.add(new Change.SetGeometry(o.id(), footprint, new ElevationRange(0, random.nextInt(1, 4))));
    }

    private void property(BuildingObject o) {
        if (o != null) {
            changes.add(new Change.SetProperty(o.id(), "note", PropertyValue.of("n" + random.nextInt(100))));
        }
    }

    private void rename(BuildingObject o) {
        if (o != null) {
            changes.add(new Change.Rename(o.id(), random.nextBoolean() ? null : "Renamed " + random.nextInt(100)));
        }
    }

    private void addComponent() {
        BuildingObject parent = random.nextBoolean() ? pickAny(systems) : pickAny(spaces);
        String id = "x" + revision.number() + "-" + changes.size();
        changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.COMPONENT, "sensor", parent.id(), null,
                random.nextInt(5) == 0 ? null : randomBounds(), null, null)));
        used.add(id);
    }

    private void addSpaceOrSystem() {
        String id = "y" + revision.number() + "-" + changes.size();
        if (random.nextBoolean()) {
            changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.SPACE, "office",
                    pickAny(random.nextBoolean() ? zones : floors).id(), null, randomBounds(), null, null)));
        } else {
            String parent = random.nextBoolean() ? pickAny(zones).id() : revision.root().orElseThrow().id();
            changes.add(new Change.AddObject(new BuildingObject(id, ObjectType.SYSTEM, "electrical", parent, null,
                    null, null, null)));
        }
        used.add(id);
    }

    private void moveComponent(BuildingObject o) {
        if (o != null) {
            BuildingObject parent = random.nextBoolean() ? pickAny(systems) : pickAny(spaces);
            changes.add(new Change.MoveObject(o.id(), parent.id()));
        }
    }

    /** A space to another zone or floor, or a system with its components to another zone or the building. */
    private void moveSpaceOrSystem() {
        if (random.nextBoolean()) {
            BuildingObject space = pick(spaces);
            if (space != null) {
                changes.add(new Change.MoveObject(space.id(), pickAny(random.nextBoolean() ? zones : floors).id()));
            }
            return;
        }
        BuildingObject system = pick(systems);
        if (system != null && !revision.get(system.parentId()).type().equals(ObjectType.SYSTEM)) {
            String parent = random.nextInt(3) == 0 ? revision.root().orElseThrow().id() : pickAny(zones).id();
            changes.add(new Change.MoveObject(system.id(), parent));
        }
    }

    private void removeComponent(BuildingObject o) {
        if (o != null && revision.childCount(o.id()) == 0) {
            disconnect(o.id());
            changes.add(new Change.RemoveObject(o.id()));
        }
    }

    /** A zone to a floor other than its own, with all its content; or a floor raised above the others. */
    private void moveZoneOrReshapeFloor() {
        if (random.nextBoolean()) {
            BuildingObject floor = pick(floors);
            if (floor != null) {
                float bottom = random.nextInt(-10, 300);
                changes.add(new Change.SetGeometry(floor.id(), floor.footprint(),
                        new ElevationRange(bottom, bottom + 3.5f)));
            }
            return;
        }
        BuildingObject zone = pick(zones);
        BuildingObject floor = pickAny(floors);
        if (zone != null && !floorOf(zone).equals(floor.id())) {
            changes.add(new Change.MoveObject(zone.id(), floor.id()));
        }
    }

    private String floorOf(BuildingObject o) {
        BuildingObject a = o;
        while (a.type() != ObjectType.FLOOR) {
            a = revision.get(a.parentId());
        }
        return a.id();
    }

    private void disconnect(String id) {
        for (Connection c : revision.connectionsOf(id)) {
            if (used.add(c.id())) {
                changes.add(new Change.Disconnect(c.id()));
            }
        }
    }

    /** An object no change of this set targets yet, or null after a few tries. */
    private BuildingObject pick(List<BuildingObject> candidates) {
        for (int tries = 0; tries < 5 && !candidates.isEmpty(); tries++) {
            BuildingObject o = candidates.get(random.nextInt(candidates.size()));
            if (used.add(o.id())) {
                return o;
            }
        }
        return null;
    }

    /** Any object, for a parent: objects of the building are never removed by these changes unless components. */
    private BuildingObject pickAny(List<BuildingObject> candidates) {
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Bounds randomBounds() {
        float x = (float) random.nextDouble(-5, 60);
        float y = (float) random.nextDouble(-5, 40);
        return new Bounds(x, y, x + (float) random.nextDouble(0, 3), y + (float) random.nextDouble(0, 3));
    }
}
