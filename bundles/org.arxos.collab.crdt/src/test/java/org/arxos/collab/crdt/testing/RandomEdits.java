package org.arxos.collab.crdt.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;

/**
 * Seeded random edits of one editor: adds, removals of leaves, moves (zones and systems among their own kind, so that
 * concurrent moves make cycles), property writes on a few hot names, renames, connections. Edits are made against
 * what the editor sees, which is often stale: the server decides what becomes of them.
 */
public final class RandomEdits {

    private static final String[] HOT_PROPERTIES = {"load", "status", "fire-rating"};
    private static final ObjectType[] NEW_TYPES = {ObjectType.COMPONENT, ObjectType.COMPONENT, ObjectType.SPACE,
            ObjectType.ZONE, ObjectType.SYSTEM};

    private final Random random;
    private final String author;
    private final int targetSize;
    private int counter;

    public RandomEdits(Random random, String author, int targetSize) {
        this.random = random;
        this.author = author;
        this.targetSize = targetSize;
    }

    public Random random() {
        return random;
    }

    /** One change set of 1 to 3 changes, or {@code null} when the view offers nothing to edit. */
    public ChangeSet next(EditView view) {
        int n = random.nextInt(100) < 85 ? 1 : 2 + random.nextInt(2);
        List<Change> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Change c = change(view);
            if (c != null) {
                changes.add(c);
            }
        }
        return changes.isEmpty() ? null : new ChangeSet(author, "", changes);
    }

    private Change change(EditView view) {
        int k = random.nextInt(100);
        int size = view.objectCount();
        if (k < 18 && size < targetSize * 13 / 10 || k < 33 && size < targetSize * 7 / 10) {
            return add(view);
        } else if (k < 33) {
            return remove(view);
        } else if (k < 63) {
            return move(view);
        } else if (k < 88) {
            return edit(view);
        } else if (k < 95) {
            return connect(view);
        }
        String c = view.randomConnection(random);
        return c == null ? null : new Change.Disconnect(c);
    }

    private Change add(EditView view) {
        for (int attempt = 0; attempt < 5; attempt++) {
            BuildingObject parent = view.find(view.randomObject(random));
            ObjectType type = NEW_TYPES[random.nextInt(NEW_TYPES.length)];
            if (parent != null && type.canBeChildOf(parent.type())) {
                String id = author + "-" + (++counter);
                Properties properties = random.nextBoolean() ? Properties.EMPTY
                        : Properties.of("load", new PropertyValue.Number(random.nextInt(100), "W"));
                return new Change.AddObject(new BuildingObject(id, type, kind(type), parent.id(), null, null, null,
                        properties));
            }
        }
        return null;
    }

    private Change remove(EditView view) {
        for (int attempt = 0; attempt < 6; attempt++) {
            BuildingObject o = view.find(view.randomObject(random));
            if (o != null && o.type() != ObjectType.BUILDING && view.childCount(o.id()) == 0
                    && view.connectionCount(o.id()) == 0) {
                return new Change.RemoveObject(o.id());
            }
        }
        return null;
    }

    private Change move(EditView view) {
        BuildingObject o = view.find(view.randomObject(random));
        if (o == null || o.type() == ObjectType.BUILDING) {
            return null;
        }
        boolean sameKind = o.type() == ObjectType.ZONE || o.type() == ObjectType.SYSTEM;
        for (int attempt = 0; attempt < 12; attempt++) {
            BuildingObject target = view.find(view.randomObject(random));
            if (target != null && o.type().canBeChildOf(target.type()) && (!sameKind || target.type() == o.type()
                    || attempt > 8)) {
                return new Change.MoveObject(o.id(), target.id());
            }
        }
        return null;
    }

    private Change edit(EditView view) {
        String id = view.randomObject(random);
        if (id == null) {
            return null;
        }
        int k = random.nextInt(100);
        String name = HOT_PROPERTIES[random.nextInt(HOT_PROPERTIES.length)];
        if (k < 70) {
            PropertyValue value = random.nextBoolean() ? new PropertyValue.Number(random.nextInt(1000), "W")
                    : new PropertyValue.Text(author + "-" + random.nextInt(10));
            return new Change.SetProperty(id, name, value);
        } else if (k < 85) {
            return new Change.ClearProperty(id, name);
        }
        return new Change.Rename(id, random.nextInt(5) == 0 ? null : "named by " + author);
    }

    private Change connect(EditView view) {
        String from = view.randomObject(random);
        String to = view.randomObject(random);
        if (from == null || from.equals(to)) {
            return null;
        }
        return new Change.Connect(new Connection(author + "-c" + (++counter), from, to, "power", Properties.EMPTY));
    }

    private static String kind(ObjectType type) {
        return switch (type) {
            case COMPONENT -> "light-fixture";
            case SPACE -> "office";
            case ZONE -> "hvac-zone";
            case SYSTEM -> "electrical";
            case FLOOR -> "storey";
            case BUILDING -> "office";
        };
    }
}
