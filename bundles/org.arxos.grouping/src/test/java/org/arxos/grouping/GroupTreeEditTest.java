package org.arxos.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random change sets over generated buildings, applied to a tree through its editor, give the tree a fresh build of the
 * same groups and members gives: counts, bounds and lookups stay exact through many edits in a row.
 */
class GroupTreeEditTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void editsInARowMatchFreshBuilds(long seed) throws ChangeRejectedException {
        SplittableRandom random = new SplittableRandom(seed);
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(seed, 3000));
        GroupTree tree = build(revision);
        for (int round = 0; round < 6; round++) {
            List<Change> changes = randomChanges(revision, random);
            Revision next = revision.apply(new ChangeSet("test", "", changes));
            tree = edit(tree, next, changes);
            revision = next;

            HierarchyListing.assertSameTree(TreeListing.rebuild(tree, revision), tree, "round " + round);
            for (BuildingObject o : revision.objects().toList()) {
                assertEquals(expectedParent(revision, o), tree.parent(o.id()).map(n -> n.id()).orElse(null), o.id());
            }
            assertEquals(revision.objectCount(), tree.root().objectCount());
        }
    }

    /** Floors are groups under the root; every other object is a leaf of {@code <floor or building>/<kind>}. */
    private static GroupTree build(Revision revision) {
        GroupTree.Builder builder = GroupTree.builder(revision, "by-kind");
        revision.objects().forEach(o -> place(builder, revision, o));
        return builder.build();
    }

    private static void place(GroupTree.Assembly assembly, Revision revision, BuildingObject o) {
        if (o.type() == ObjectType.BUILDING) {
            return;
        }
        if (o.type() == ObjectType.FLOOR) {
            assembly.addGroup(assembly.root(), o.id(), o.name(), "floor", o.id());
            return;
        }
        String key = kindGroup(revision, o);
        int group = assembly.group(key);
        if (group < 0) {
            int parent = assembly.group(key.substring(0, key.lastIndexOf('/')));
            group = assembly.addGroup(parent < 0 ? assembly.root() : parent, key, o.kind(), "kind", null);
        }
        assembly.addObject(group, o);
    }

    private static String kindGroup(Revision revision, BuildingObject o) {
        BuildingObject a = o;
        while (a.type() != ObjectType.FLOOR && a.type() != ObjectType.BUILDING) {
            a = revision.get(a.parentId());
        }
        return a.id() + "/" + o.kind();
    }

    private static String expectedParent(Revision revision, BuildingObject o) {
        return switch (o.type()) {
            case BUILDING -> null;
            case FLOOR -> revision.root().orElseThrow().id();
            default -> kindGroup(revision, o);
        };
    }

    private static GroupTree edit(GroupTree tree, Revision next, List<Change> changes) {
        GroupTree.Editor editor = tree.edit(next);
        Set<String> touched = new LinkedHashSet<>();
        for (Change c : changes) {
            if (!(c instanceof Change.Disconnect)) {
                touched.add(c.targetId());
            }
        }
        Set<Integer> emptied = new HashSet<>();
        for (String id : touched) {
            int group = editor.groupOf(id);
            if (group >= 0) {
                BuildingObject now = next.find(id).orElse(null);
                if (now != null && editor.id(group).equals(kindGroup(next, now))) {
                    editor.updateObject(now);
                    continue;
                }
                editor.removeObject(id);
                emptied.add(group);
            }
            next.find(id).ifPresent(o -> place(editor, next, o));
        }
        for (int group : emptied) {
            if (editor.id(group) != null && editor.members(group).isEmpty() && editor.childGroups(group).isEmpty()) {
                editor.removeGroup(group);
            }
        }
        // counts are exact during the edit, not only in the tree it builds
        assertEquals(next.objectCount(), editor.objectCount(editor.root()));
        return editor.build();
    }

    /** Geometry changes, removals of components, new components and moves of components to other systems. */
    private static List<Change> randomChanges(Revision revision, SplittableRandom random) {
        List<BuildingObject> components = revision.objects().filter(o -> o.type() == ObjectType.COMPONENT).toList();
        List<BuildingObject> systems = revision.objects()
                .filter(o -> o.type() == ObjectType.SYSTEM && !revision.get(o.parentId()).type().equals(ObjectType.SYSTEM))
                .toList();
        List<Change> changes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            BuildingObject c = components.get(random.nextInt(components.size()));
            if (!used.add(c.id())) {
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> changes.add(new Change.SetGeometry(c.id(), randomBounds(random), c.elevation()));
                case 1 -> changes.add(new Change.MoveObject(c.id(), systems.get(random.nextInt(systems.size())).id()));
                default -> {
                    if (revision.childCount(c.id()) == 0) {
                        for (Connection k : revision.connectionsOf(c.id())) {
                            if (used.add(k.id())) {
                                changes.add(new Change.Disconnect(k.id()));
                            }
                        }
                        changes.add(new Change.RemoveObject(c.id()));
                    }
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            BuildingObject system = systems.get(random.nextInt(systems.size()));
            changes.add(new Change.AddObject(new BuildingObject("n" + revision.number() + "-" + i, ObjectType.COMPONENT,
                    random.nextBoolean() ? "sensor" : "light-fixture", system.id(), null,
                    random.nextBoolean() ? randomBounds(random) : null, null, null)));
        }
        return changes;
    }

    private static Bounds randomBounds(SplittableRandom random) {
        float x = (float) random.nextDouble(-20, 120);
        float y = (float) random.nextDouble(-20, 80);
        return new Bounds(x, y, x + (float) random.nextDouble(0, 5), y + (float) random.nextDouble(0, 5));
    }
}
