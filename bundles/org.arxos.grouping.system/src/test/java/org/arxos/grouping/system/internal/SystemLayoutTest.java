package org.arxos.grouping.system.internal;

import static org.arxos.model.ObjectType.COMPONENT;
import static org.arxos.model.ObjectType.FLOOR;
import static org.arxos.model.ObjectType.SYSTEM;
import static org.arxos.model.ObjectType.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.arxos.grouping.testing.Buildings;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class SystemLayoutTest {

    /** Switchboard → riser (building-wide) → zone panel → two circuits → lights, and a sensor on nothing. */
    private static Buildings electrical() {
        return Buildings.building("b")
                .add("f1", FLOOR, "floor", "b")
                .add("z1", ZONE, "zone", "f1")
                .add("be", SYSTEM, "electrical", "b")
                .add("sb", COMPONENT, "switchboard", "be")
                .add("r1", COMPONENT, "riser", "be")
                .add("e1", SYSTEM, "electrical", "z1")
                .add("p", COMPONENT, "panel", "e1")
                .add("c1", COMPONENT, "circuit", "e1")
                .add("c2", COMPONENT, "circuit", "e1")
                .add("l1", COMPONENT, "light-fixture", "e1")
                .add("l2", COMPONENT, "light-fixture", "e1")
                .add("l3", COMPONENT, "receptacle", "e1")
                .add("s", COMPONENT, "occupancy-sensor", "e1")
                .connect("k1", "sb", "r1", "power")
                .connect("k2", "r1", "p", "power")
                .connect("k3", "p", "c1", "power")
                .connect("k4", "p", "c2", "power")
                .connect("k5", "c1", "l1", "power")
                .connect("k6", "c1", "l2", "power")
                .connect("k7", "c2", "l3", "power");
    }

    @Test
    void aComponentFedFromAnotherSystemIsASourceAndFeedersBecomeGroups() {
        SystemLayout layout = SystemLayout.of(electrical().revision(), "e1");

        assertEquals(group("e1"), layout.placementOf("p"));
        assertEquals(group("p"), layout.placementOf("c1"));
        assertEquals(group("p"), layout.placementOf("c2"));
        assertEquals(leaf("c1"), layout.placementOf("l1"));
        assertEquals(leaf("c1"), layout.placementOf("l2"));
        assertEquals(leaf("c2"), layout.placementOf("l3"));
        assertEquals(unconnected("e1"), layout.placementOf("s"));
        assertNull(layout.placementOf("r1"), "the riser is a component of another system");
        assertEquals(List.of("p", "c1", "c2", "l1", "l2", "l3", "s"), list(layout.components()),
                "feed order: every feeder before what it feeds, unconnected last");
    }

    @Test
    void aFeedIntoAnotherSystemEndsTheWalk() {
        SystemLayout layout = SystemLayout.of(electrical().revision(), "be");

        assertEquals(group("be"), layout.placementOf("sb"));
        assertEquals(leaf("sb"), layout.placementOf("r1"), "the riser feeds only the zone's panel");
        assertNull(layout.placementOf("p"));
    }

    @Test
    void aComponentConnectedOnlyToOtherSystemsSitsUnderItsSystem() {
        Revision revision = Buildings.building("b")
                .add("f1", FLOOR, "floor", "b")
                .add("z1", ZONE, "zone", "f1")
                .add("bm", SYSTEM, "mechanical", "b")
                .add("ah", COMPONENT, "air-handler", "bm")
                .add("m1", SYSTEM, "mechanical", "z1")
                .add("vav", COMPONENT, "vav-box", "m1")
                .connect("k1", "ah", "vav", "air")
                .revision();

        assertEquals(leaf("bm"), SystemLayout.of(revision, "bm").placementOf("ah"));
        assertEquals(leaf("m1"), SystemLayout.of(revision, "m1").placementOf("vav"),
                "fed from outside and feeding nothing: connected, but no circuit of its own");
    }

    @Test
    void theFirstWalkToReachAComponentKeepsIt() {
        // sources a and b both reach x; a comes first by id, and reaches x through m
        Revision revision = Buildings.building("b")
                .add("s1", SYSTEM, "plumbing", "b")
                .add("x", COMPONENT, "lavatory", "s1")
                .add("b1", COMPONENT, "water-branch", "s1")
                .add("m", COMPONENT, "valve", "s1")
                .add("a", COMPONENT, "water-branch", "s1")
                .connect("k1", "b1", "x", "water")
                .connect("k2", "m", "x", "water")
                .connect("k3", "a", "m", "water")
                .revision();
        SystemLayout layout = SystemLayout.of(revision, "s1");

        assertEquals(group("s1"), layout.placementOf("a"));
        assertEquals(group("a"), layout.placementOf("m"));
        assertEquals(leaf("m"), layout.placementOf("x"));
        assertEquals(group("s1"), layout.placementOf("b1"),
                "a feeder stays a group, though what it feeds is elsewhere");
    }

    @Test
    void cyclesEndAndACycleWithoutSourceStartsAtItsSmallestId() {
        Revision revision = Buildings.building("b")
                .add("s1", SYSTEM, "mechanical", "b")
                .add("c3", COMPONENT, "duct", "s1")
                .add("c1", COMPONENT, "duct", "s1")
                .add("c2", COMPONENT, "duct", "s1")
                .add("src", COMPONENT, "fan", "s1")
                .add("d1", COMPONENT, "duct", "s1")
                .add("d2", COMPONENT, "duct", "s1")
                .connect("k1", "c1", "c2", "air")
                .connect("k2", "c2", "c3", "air")
                .connect("k3", "c3", "c1", "air")
                .connect("k4", "src", "d1", "air")
                .connect("k5", "d1", "d2", "air")
                .connect("k6", "d2", "d1", "air")
                .revision();
        SystemLayout layout = SystemLayout.of(revision, "s1");

        assertEquals(group("s1"), layout.placementOf("c1"));
        assertEquals(group("c1"), layout.placementOf("c2"));
        assertEquals(group("c2"), layout.placementOf("c3"));
        assertEquals(group("s1"), layout.placementOf("src"));
        assertEquals(group("src"), layout.placementOf("d1"));
        assertEquals(group("d1"), layout.placementOf("d2"));
        assertEquals(List.of("src", "d1", "d2", "c1", "c2", "c3"), list(layout.components()),
                "sources first, then what only cycles reach");
    }

    @Test
    void openingsAreNotFlow() {
        Revision revision = Buildings.building("b")
                .add("s1", SYSTEM, "architectural", "b")
                .add("wall", COMPONENT, "ifcwall", "s1")
                .add("door", COMPONENT, "ifcdoor", "s1")
                .connect("k1", "wall", "door", "fills")
                .connect("k2", "wall", "door", "voids")
                .revision();
        SystemLayout layout = SystemLayout.of(revision, "s1");

        assertEquals(unconnected("s1"), layout.placementOf("wall"));
        assertEquals(unconnected("s1"), layout.placementOf("door"));
    }

    @Test
    void theLayoutDependsOnTheContentOnlyNotOnTheOrderItWasMadeIn() {
        Buildings forward = electrical().connect("k8", "c2", "l2", "power");
        Buildings backward = Buildings.building("b")
                .add("f1", FLOOR, "floor", "b")
                .add("z1", ZONE, "zone", "f1")
                .add("be", SYSTEM, "electrical", "b")
                .add("r1", COMPONENT, "riser", "be")
                .add("sb", COMPONENT, "switchboard", "be")
                .add("e1", SYSTEM, "electrical", "z1")
                .add("s", COMPONENT, "occupancy-sensor", "e1")
                .add("l3", COMPONENT, "receptacle", "e1")
                .add("l2", COMPONENT, "light-fixture", "e1")
                .add("l1", COMPONENT, "light-fixture", "e1")
                .add("c2", COMPONENT, "circuit", "e1")
                .add("c1", COMPONENT, "circuit", "e1")
                .add("p", COMPONENT, "panel", "e1")
                .connect("k8", "c2", "l2", "power")
                .connect("k7", "c2", "l3", "power")
                .connect("k6", "c1", "l2", "power")
                .connect("k5", "c1", "l1", "power")
                .connect("k4", "p", "c2", "power")
                .connect("k3", "p", "c1", "power")
                .connect("k2", "r1", "p", "power")
                .connect("k1", "sb", "r1", "power");
        Revision a = forward.revision();
        Revision b = backward.revision();
        assertEquals(a.contentHash(), b.contentHash());

        for (String id : List.of("p", "c1", "c2", "l1", "l2", "l3", "s")) {
            assertEquals(SystemLayout.of(a, "e1").placementOf(id), SystemLayout.of(b, "e1").placementOf(id), id);
        }
        assertEquals(leaf("c1"), SystemLayout.of(b, "e1").placementOf("l2"), "l2 is fed by c1 and c2: c1 is first");
    }

    private static Placement group(String parent) {
        return new Placement(new GroupRef.OfObject(parent), true);
    }

    private static Placement leaf(String parent) {
        return new Placement(new GroupRef.OfObject(parent), false);
    }

    private static Placement unconnected(String system) {
        return new Placement(new GroupRef.Pure(system + "/unconnected", "Unconnected", "unconnected",
                new GroupRef.OfObject(system)), false);
    }

    private static List<String> list(List<BuildingObject> components) {
        return components.stream().map(BuildingObject::id).toList();
    }
}
