package org.arxos.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class GroupTreeTest {

    private final Revision revision = apply(Revision.EMPTY,
            add("b", ObjectType.BUILDING, "building", null, "Tower", null),
            add("f1", ObjectType.FLOOR, "floor", "b", "Level 1", new Bounds(0, 0, 40, 20)),
            add("z1", ObjectType.ZONE, "zone", "f1", null, new Bounds(0, 0, 20, 20)),
            add("s1", ObjectType.SPACE, "office", "z1", "Office 1", new Bounds(0, 0, 10, 10)),
            add("s2", ObjectType.SPACE, "office", "z1", null, new Bounds(10, 0, 20, 10)),
            add("e1", ObjectType.SYSTEM, "electrical", "z1", null, null),
            add("c1", ObjectType.COMPONENT, "light-fixture", "e1", null, new Bounds(2, 2, 3, 3)),
            add("s3", ObjectType.SPACE, "corridor", "f1", null, new Bounds(20, 0, 40, 20)),
            add("f2", ObjectType.FLOOR, "floor", "b", "Level 2", new Bounds(0, 0, 30, 20)));

    /** b > f1 > (f1/rooms: s1 s2 s3, f1/other: e1 c1 z1), f2. */
    private GroupTree tree() {
        GroupTree.Builder builder = GroupTree.builder(revision, "test");
        int f1 = builder.addGroup(builder.root(), "f1", "Level 1", "floor", "f1");
        builder.addGroup(builder.root(), "f2", "Level 2", "floor", "f2");
        int rooms = builder.addGroup(f1, "f1/rooms", "Rooms", "rooms", null);
        int other = builder.addGroup(f1, "f1/other", "Other", "other", null);
        for (String id : List.of("s1", "s2", "s3")) {
            builder.addObject(rooms, revision.get(id));
        }
        for (String id : List.of("e1", "c1", "z1")) {
            builder.addObject(other, revision.get(id));
        }
        return builder.build();
    }

    @Test
    void theRootStandsForTheBuildingAndCountsEverything() {
        GroupTree tree = tree();
        GroupNode root = tree.root();

        assertEquals(new GroupNode("b", "Tower", "building", "b", 2, 9, new Bounds(0, 0, 40, 20)), root);
        assertEquals(5, tree.groupCount());
        assertEquals(revision.number(), tree.revision());
        assertEquals("test", tree.layout());
    }

    @Test
    void aRevisionWithoutBuildingHasThePureRoot() {
        GroupTree tree = GroupTree.builder(Revision.EMPTY).build();

        assertEquals(new GroupNode("/", "(empty)", "empty", null, 0, 0, null), tree.root());
        assertEquals("", tree.layout());
    }

    @Test
    void childrenArePagedGroupsFirstThenMembers() {
        GroupTree.Builder builder = GroupTree.builder(revision);
        int f1 = builder.addGroup(builder.root(), "f1", "Level 1", "floor", "f1");
        builder.addObject(f1, revision.get("s3"));
        builder.addGroup(f1, "f1/zones", "Zones", "zones", null);
        GroupTree tree = builder.build();

        assertEquals(List.of("f1/zones", "s3"), ids(tree.children("f1", 0, 10)));
        assertEquals(List.of("s3"), ids(tree.children("f1", 1, 10)));
        assertEquals(List.of("f1/zones"), ids(tree.children("f1", -3, 1)));
        assertEquals(List.of(), ids(tree.children("f1", 2, 10)));
        assertEquals(List.of(), ids(tree.children("f1", 0, 0)));
        assertEquals(List.of(), ids(tree.children("s3", 0, 10)));
        assertEquals(List.of(), ids(tree.children("nope", 0, 10)));
        assertEquals(List.of(), ids(tree.children(null, 0, 10)));
    }

    @Test
    void leavesAreMadeFromTheRevision() {
        GroupTree tree = tree();

        assertEquals(new GroupNode("s1", "Office 1", "office", "s1", 0, 1, new Bounds(0, 0, 10, 10)),
                tree.node("s1").orElseThrow());
        assertEquals(new GroupNode("e1", "e1", "electrical", "e1", 0, 1, null), tree.node("e1").orElseThrow());
        assertFalse(tree.isGroup("s1"));
        assertTrue(tree.isGroup("f1"));
        assertFalse(tree.isGroup("nope"));
        assertEquals(Optional.empty(), tree.node("nope"));
    }

    @Test
    void parentsOfLeavesAndGroups() {
        GroupTree tree = tree();

        assertEquals("f1/rooms", tree.parent("s1").orElseThrow().id());
        assertEquals("f1", tree.parent("f1/rooms").orElseThrow().id());
        assertEquals("b", tree.parent("f1").orElseThrow().id());
        assertEquals(Optional.empty(), tree.parent("b"));
        assertEquals(Optional.empty(), tree.parent("nope"));
        assertEquals(Optional.of("f1/other"), tree.groupOf("z1"));
        assertEquals(Optional.of("b"), tree.groupOf("f1"));
        assertEquals(Optional.empty(), tree.groupOf("b"));
        assertEquals(Optional.empty(), tree.groupOf("nope"));
    }

    @Test
    void countsAndBoundsCoverTheSubtreeAndTheGroupsOwnObject() {
        GroupTree tree = tree();

        assertEquals(new GroupNode("f1", "Level 1", "floor", "f1", 2, 7, new Bounds(0, 0, 40, 20)),
                tree.node("f1").orElseThrow());
        assertEquals(new GroupNode("f1/other", "Other", "other", null, 3, 3, new Bounds(0, 0, 20, 20)),
                tree.node("f1/other").orElseThrow());
        assertEquals(new GroupNode("f2", "Level 2", "floor", "f2", 0, 1, new Bounds(0, 0, 30, 20)),
                tree.node("f2").orElseThrow());

        GroupTree.Builder builder = GroupTree.builder(revision);
        int systems = builder.addGroup(builder.root(), "b/systems", "Systems", "systems", null);
        builder.addObject(systems, revision.get("e1"));
        assertNull(builder.build().node("b/systems").orElseThrow().bounds());
    }

    @Test
    void everyObjectOfTheTreeAppearsExactlyOnce() {
        List<String> listing = HierarchyListing.inOrder(tree());

        for (BuildingObject o : revision.objects().toList()) {
            long times = listing.stream().filter(line -> line.contains("GroupNode[id=" + o.id() + ",")).count();
            assertEquals(1, times, o.id());
        }
    }

    @Test
    void anEditLeavesTheTreeItCameFromUnchanged() {
        GroupTree tree = tree();
        List<String> before = HierarchyListing.inOrder(tree);
        Revision next = apply(revision, new Change.SetGeometry("s3", new Bounds(20, 0, 30, 10), null),
                new Change.Rename("f2", "Roof"));

        GroupTree.Editor editor = tree.edit(next);
        assertTrue(editor.removeObject("s1"));
        editor.updateObject(next.get("s3"));
        editor.addObject(editor.group("f1/other"), next.get("s1"));
        editor.moveGroup(editor.group("f1/rooms"), editor.group("f2"));
        editor.setLabel(editor.group("f2"), "Roof");
        editor.removeSubtree(editor.group("f1/other"));
        GroupTree edited = editor.build();

        assertEquals(before, HierarchyListing.inOrder(tree));
        assertEquals(List.of("s2", "s3"), ids(edited.children("f1/rooms", 0, 10)));
        assertEquals("f2", edited.parent("f1/rooms").orElseThrow().id());
        assertEquals(Optional.empty(), edited.node("z1"));
        assertEquals(4, edited.groupCount());
    }

    @Test
    void anEditGivesTheTreeAFreshBuildGives() {
        Revision next = apply(revision, new Change.SetGeometry("s3", new Bounds(20, 0, 30, 10), null),
                new Change.SetGeometry("f1", new Bounds(5, 5, 25, 15), null),
                new Change.RemoveObject("c1"),
                new Change.AddObject(new BuildingObject("s4", ObjectType.SPACE, "office", "f2", null,
                        new Bounds(0, 0, 5, 5), null, null)));

        GroupTree.Editor editor = tree().edit(next);
        editor.updateObject(next.get("s3"));
        editor.updateObject(next.get("f1"));
        editor.removeObject("c1");
        int f2Rooms = editor.addGroup(editor.group("f2"), "f2/rooms", "Rooms", "rooms", null);
        editor.addObject(f2Rooms, next.get("s4"));
        editor.removeObject("s2");
        editor.addObject(f2Rooms, next.get("s2"));
        editor.removeObject("z1");
        editor.removeObject("e1");
        editor.removeGroup(editor.group("f1/other"));
        GroupTree edited = editor.build();

        HierarchyListing.assertSameTree(TreeListing.rebuild(edited, next), edited, "edited");
        // the shrunken corridor and floor and the moved office no longer widen level 1
        assertEquals(new Bounds(0, 0, 30, 15), edited.node("f1").orElseThrow().bounds());
        assertEquals(new Bounds(0, 0, 30, 20), edited.node("f2").orElseThrow().bounds());
    }

    @Test
    void setMembersMovesDropsAndKeepsLeaves() {
        Revision next = apply(revision, new Change.SetGeometry("s2", new Bounds(10, 0, 50, 30), null));
        GroupTree tree = tree();
        GroupTree.Editor editor = tree.edit(next);
        int rooms = editor.group("f1/rooms");
        int other = editor.group("f1/other");

        // s3 stays, s2 (reshaped) arrives from rooms, e1 arrives from other, s1 leaves the tree
        editor.setMembers(rooms, List.of(next.get("s3"), next.get("e1"), next.get("s2")));
        editor.setMembers(other, List.of(next.get("c1"), next.get("z1")));
        editor.setMembers(other, List.of(next.get("c1"), next.get("z1")));
        GroupTree edited = editor.build();

        assertEquals(List.of("s3", "e1", "s2"), ids(edited.children("f1/rooms", 0, 10)));
        assertEquals(Optional.empty(), edited.node("s1"));
        assertEquals(8, edited.root().objectCount());
        assertEquals(new Bounds(10, 0, 50, 30), edited.node("f1/rooms").orElseThrow().bounds());
        HierarchyListing.assertSameTree(TreeListing.rebuild(edited, next), edited, "after setMembers");
        assertEquals(List.of("s1", "s2", "s3"), ids(tree.children("f1/rooms", 0, 10)));
    }

    @Test
    void setMembersRefusesGroupsAndRepeats() {
        GroupTree.Editor editor = tree().edit(revision);
        int rooms = editor.group("f1/rooms");

        assertMessage("'s1' is listed twice", () -> editor.setMembers(rooms, List.of(revision.get("s1"),
                revision.get("s1"))));
        assertMessage("'f1' is in the tree as a group", () -> editor.setMembers(rooms, List.of(revision.get("f1"))));
    }

    @Test
    void aGroupRemovedAndAddedAgainKeepsItsPlace() {
        GroupTree tree = tree();
        GroupTree.Editor editor = tree.edit(revision);
        int rooms = editor.group("f1/rooms");
        editor.removeSubtree(rooms);
        int again = editor.addGroup(editor.group("f1"), "f1/rooms", "Rooms", "rooms", null);
        for (String id : List.of("s1", "s2", "s3")) {
            editor.addObject(again, revision.get(id));
        }
        editor.sortChildGroups(editor.group("f1"), (a, b) -> b.compareTo(a));
        GroupTree edited = editor.build();

        assertEquals(rooms, again);
        HierarchyListing.assertSameTree(tree, edited, "rebuilt region");
    }

    @Test
    void childGroupsSortStably() {
        GroupTree.Builder builder = GroupTree.builder(revision);
        for (String id : List.of("b/c", "b/a2", "b/b", "b/a1")) {
            builder.addGroup(builder.root(), id, id, "group", null);
        }
        builder.sortChildGroups(builder.root(), (x, y) -> Character.compare(x.charAt(2), y.charAt(2)));

        assertEquals(List.of("b/a2", "b/a1", "b/b", "b/c"), ids(builder.build().children("b", 0, 10)));
    }

    @Test
    void wrongIdsAreRefusedNamingTheId() {
        GroupTree.Builder builder = GroupTree.builder(revision);
        int root = builder.root();
        builder.addObject(root, revision.get("s1"));

        assertMessage("'s1' is already in the tree", () -> builder.addObject(root, revision.get("s1")));
        assertMessage("'s1' is already in the tree", () -> builder.addGroup(root, "s1", "S1", "space", "s1"));
        assertMessage("'b' is already in the tree", () -> builder.addGroup(root, "b", "B", "building", "b"));
        assertMessage("'rooms' must contain '/'", () -> builder.addGroup(root, "rooms", "Rooms", "rooms", null));
        assertMessage("'f1' stands for object 'f2'", () -> builder.addGroup(root, "f1", "F", "floor", "f2"));
        assertMessage("'x9' stands for no object", () -> builder.addGroup(root, "x9", "X", "floor", "x9"));
        assertMessage("no group with index 99", () -> builder.addObject(99, revision.get("s2")));
    }

    @Test
    void editsRefuseWhatWouldBreakTheTree() {
        GroupTree tree = tree();
        GroupTree.Editor editor = tree.edit(revision);
        int f1 = editor.group("f1");

        IllegalStateException notEmpty = assertThrows(IllegalStateException.class, () -> editor.removeGroup(f1));
        assertTrue(notEmpty.getMessage().contains("'f1' is not empty: 2 child groups"), notEmpty.getMessage());
        assertThrows(IllegalStateException.class, () -> editor.removeSubtree(editor.root()));
        assertMessage("lies in its own subtree", () -> editor.moveGroup(f1, editor.group("f1/rooms")));
        assertMessage("'nope' is not in the tree",
                () -> editor.updateObject(new BuildingObject("nope", ObjectType.SPACE, "office", "f1", null, null,
                        null, null)));
        assertFalse(editor.removeObject("nope"));
        assertFalse(editor.removeObject("f1"));
        editor.build();
        assertThrows(IllegalStateException.class, editor::build);
        assertThrows(IllegalStateException.class, () -> editor.removeObject("s1"));
    }

    @Test
    void anEditForAnotherBuildingIsRefused() {
        Revision other = apply(Revision.EMPTY, add("b2", ObjectType.BUILDING, "building", null, null, null));

        assertMessage("has building 'b2'", () -> tree().edit(other));
    }

    @Test
    void theEditorReadsWhatItWrote() {
        GroupTree.Editor editor = tree().edit(revision);
        int rooms = editor.group("f1/rooms");
        editor.removeObject("s2");
        int extra = editor.addGroup(rooms, "f1/rooms/extra", "Extra", "rooms", null);
        editor.addObject(extra, revision.get("s2"));

        assertEquals(List.of("s1", "s3"), editor.members(rooms));
        assertEquals(List.of(extra), editor.childGroups(rooms));
        assertEquals(extra, editor.groupOf("s2"));
        assertEquals(-1, editor.groupOf("f1"));
        assertEquals(-1, editor.group("s1"));
        assertEquals("f1/rooms/extra", editor.id(extra));
        assertEquals(rooms, editor.parent(extra));
        assertEquals(-1, editor.parent(editor.root()));
    }

    private static void assertMessage(String part, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    static List<String> ids(List<GroupNode> nodes) {
        return nodes.stream().map(GroupNode::id).toList();
    }

    static Change add(String id, ObjectType type, String kind, String parent, String name, Bounds footprint) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, name, footprint, null, null));
    }

    static Revision apply(Revision revision, Change... changes) {
        try {
            return revision.apply(ChangeSet.of("test", "", changes));
        } catch (ChangeRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
