package org.arxos.grouping.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Discipline;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;

/**
 * Seeded random change sets over a building: objects added (also beside a component, fed like it), removed and
 * moved (components between systems and spaces, spaces between zones, zones between floors, systems between zones
 * and into other systems), connections made and removed, geometry, names and properties set. Each change is checked
 * against the revision so far, so every set applies.
 */
public final class RandomChanges {

    private static final String[] KINDS = {"light-fixture", "receptacle", "circuit", "duct-terminal", "lavatory",
        "valve", "ifcwall", "ifcdoor", "thermostat"};

    private final SplittableRandom random;
    private int made;

    public RandomChanges(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public ChangeSet next(Revision revision, int size) {
        List<BuildingObject> objects = revision.objects().toList();
        List<Change> changes = new ArrayList<>();
        Revision current = revision;
        for (int attempt = 0; changes.size() < size && attempt < size * 50; attempt++) {
            List<Change> proposal = propose(current, objects);
            try {
                current = current.apply(new ChangeSet("test", "", proposal));
                changes.addAll(proposal);
            } catch (ChangeRejectedException e) {
                // not valid in this state (a cycle, a parent of the wrong type, ...): try another
            }
        }
        return new ChangeSet("test", "random changes", changes);
    }

    private List<Change> propose(Revision now, List<BuildingObject> objects) {
        BuildingObject a = pick(now, objects);
        BuildingObject b = pick(now, objects);
        if (a == null || b == null) {
            return List.of();
        }
        String n = "t" + made++;
        return switch (random.nextInt(19)) {
            case 16, 17 -> besideSibling(now, a, n);
            case 18 -> now.children(a.id()).isEmpty() ? removal(now, a) : List.of();
            case 0, 1 -> List.of(new Change.AddObject(new BuildingObject(n, ObjectType.COMPONENT,
                    KINDS[random.nextInt(KINDS.length)], a.id(), null, spot(), null, Properties.EMPTY)),
                    new Change.Connect(new Connection(n + "k", b.id(), n, "power", Properties.EMPTY)));
            case 2 -> List.of(new Change.AddObject(new BuildingObject(n, ObjectType.COMPONENT,
                    KINDS[random.nextInt(KINDS.length)], a.id(), null, spot(), null, Properties.EMPTY)));
            case 3 -> List.of(new Change.AddObject(new BuildingObject(n, ObjectType.SYSTEM,
                    Discipline.values()[random.nextInt(Discipline.values().length)].id(), a.id(), null, null, null,
                    Properties.EMPTY)));
            case 4 -> List.of(new Change.AddObject(new BuildingObject(n, random.nextBoolean() ? ObjectType.SPACE
                    : ObjectType.ZONE, "office", a.id(), null, spot(), null, Properties.EMPTY)));
            case 5 -> removal(now, a);
            case 6, 7 -> List.of(new Change.MoveObject(a.id(), b.id()));
            case 8 -> sameSystem(now, a, n);
            case 9 -> List.of(new Change.Connect(new Connection(n, a.id(), b.id(), random.nextBoolean() ? "water"
                    : "fills", Properties.EMPTY)));
            case 10 -> disconnect(now, a);
            case 11 -> List.of(new Change.SetGeometry(a.id(), random.nextInt(4) == 0 ? null : spot(), null));
            case 12 -> List.of(new Change.Rename(a.id(), random.nextBoolean() ? null : "renamed " + n));
            case 13 -> List.of(new Change.SetProperty(a.id(), "containedIn", PropertyValue.of(b.id())));
            case 14 -> List.of(new Change.ClearProperty(a.id(), "containedIn"));
            default -> List.of(new Change.AddObject(new BuildingObject(n, ObjectType.FLOOR, "floor",
                    now.root().orElseThrow().id(), "Floor " + n, spot(), null, Properties.EMPTY)));
        };
    }

    /** An object of the revision, or of the changes so far; half of the time one of a few kinds that matter most. */
    private BuildingObject pick(Revision now, List<BuildingObject> objects) {
        for (int tries = 0; tries < 10; tries++) {
            BuildingObject o = objects.get(random.nextInt(objects.size()));
            if (random.nextInt(4) == 0 && made > 0) {
                o = now.find("t" + random.nextInt(made)).orElse(o);
            }
            BuildingObject current = now.find(o.id()).orElse(null);
            if (current != null) {
                return current;
            }
        }
        return null;
    }

    /** A new component beside the object, fed by what feeds the object (the way devices join a circuit). */
    private List<Change> besideSibling(Revision now, BuildingObject sibling, String id) {
        if (sibling.type() != ObjectType.COMPONENT) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>(List.of(new Change.AddObject(new BuildingObject(id, ObjectType.COMPONENT,
                sibling.kind(), sibling.parentId(), null, spot(), null, Properties.EMPTY))));
        for (Connection c : now.connectionsOf(sibling.id())) {
            if (c.toId().equals(sibling.id())) {
                changes.add(new Change.Connect(new Connection(id + "k", c.fromId(), id, c.kind(), Properties.EMPTY)));
                break;
            }
        }
        return changes;
    }

    /** Disconnects the object (connections first), then removes it. */
    private List<Change> removal(Revision now, BuildingObject object) {
        List<Change> changes = new ArrayList<>();
        for (Connection c : now.connectionsOf(object.id())) {
            changes.add(new Change.Disconnect(c.id()));
        }
        changes.add(new Change.RemoveObject(object.id()));
        return changes;
    }

    /** Connects two components of the object's system, making double feeds and cycles. */
    private List<Change> sameSystem(Revision now, BuildingObject object, String id) {
        if (object.parentId() == null) {
            return List.of();
        }
        List<BuildingObject> siblings = now.children(object.parentId());
        BuildingObject other = siblings.get(random.nextInt(siblings.size()));
        return List.of(new Change.Connect(new Connection(id, object.id(), other.id(), "power", Properties.EMPTY)));
    }

    private List<Change> disconnect(Revision now, BuildingObject object) {
        List<Connection> connections = now.connectionsOf(object.id());
        return connections.isEmpty() ? List.of()
                : List.of(new Change.Disconnect(connections.get(random.nextInt(connections.size())).id()));
    }

    private Bounds spot() {
        float x = random.nextInt(200);
        float y = random.nextInt(100);
        return new Bounds(x, y, x + 1 + random.nextInt(5), y + 1 + random.nextInt(5));
    }
}
