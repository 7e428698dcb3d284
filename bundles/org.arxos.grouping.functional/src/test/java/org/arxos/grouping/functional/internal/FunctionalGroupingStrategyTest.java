package org.arxos.grouping.functional.internal;

import static org.arxos.model.ObjectType.COMPONENT;
import static org.arxos.model.ObjectType.FLOOR;
import static org.arxos.model.ObjectType.SPACE;
import static org.arxos.model.ObjectType.SYSTEM;
import static org.arxos.model.ObjectType.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.Buildings;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.grouping.testing.RandomChanges;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.junit.jupiter.api.Test;

class FunctionalGroupingStrategyTest {

    private final FunctionalGroupingStrategy strategy = new FunctionalGroupingStrategy(defaults());

    /** Two floors; a building-wide mechanical system whose terminals the IFC way name the space they are in. */
    private static Revision small() {
        return Buildings.building("b")
                .add("f1", FLOOR, "floor", "b")
                .add("f2", FLOOR, "floor", "b")
                .add("z2", ZONE, "zone", "f2")
                .add("s2", SPACE, "corridor", "z2")
                .add("s1", SPACE, "office", "f1")
                .add("e2", SYSTEM, "electrical", "z2")
                .add("l2", COMPONENT, "light-fixture", "e2")
                .add("riser", COMPONENT, "riser", "e2")
                .add("bm", SYSTEM, "mechanical", "b")
                .add("at", COMPONENT, "ifcairterminal", "bm", Properties.of("containedIn", PropertyValue.of("s2")))
                .add("fan", COMPONENT, "ifcfan", "bm")
                .add("desk", COMPONENT, "ifcfurniture", "s1")
                .add("proxy", COMPONENT, "ifcbuildingelementproxy", "f1")
                .revision();
    }

    @Test
    void functionsThenFloorsThenObjects() {
        Revision revision = small();
        Hierarchy h = strategy.group(revision);

        assertEquals(Set.of("/organization", "/workspaces", "/egress", "/lighting", "/power", "/hvac-terminals",
                "/hvac-equipment", "/furnishing", "/other"), idSet(h, "b"));
        assertEquals(Set.of("/organization/f1", "/organization/f2", "bm"), idSet(h, "/organization"),
                "a building-wide system is on no floor");
        assertEquals(Set.of("f2", "z2", "e2"), idSet(h, "/organization/f2"));
        assertEquals(Set.of("s2"), idSet(h, "/egress/f2"));
        assertEquals(Set.of("s1"), idSet(h, "/workspaces/f1"));
        assertEquals(Set.of("l2"), idSet(h, "/lighting/f2"));
        assertEquals(Set.of("riser"), idSet(h, "/power/f2"), "an electrical riser is power");
        assertEquals(Set.of("/hvac-terminals/f2"), idSet(h, "/hvac-terminals"), "containedIn names a space on f2");
        assertEquals(Set.of("fan"), idSet(h, "/hvac-equipment"));
        assertEquals(Set.of("desk"), idSet(h, "/furnishing/f1"));
        assertEquals(Set.of("proxy"), idSet(h, "/other/f1"));
        HierarchyListing.assertEveryObjectOnce(h, revision);

        GroupNode floorGroup = h.node("/lighting/f2").orElseThrow();
        assertEquals("Level f2", floorGroup.label());
        assertEquals("floor", floorGroup.kind());
        assertEquals(1, floorGroup.objectCount());
        assertEquals(revision.get("l2").footprint().bounds(), floorGroup.bounds());
        assertEquals("HVAC terminals", h.node("/hvac-terminals").orElseThrow().label());
        assertEquals("function", h.node("/hvac-terminals").orElseThrow().kind());
    }

    @Test
    void generatedBuildingsHaveEveryObjectOnceAndNothingLeftOver() {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(3, 20_000));
        GroupTree tree = strategy.group(revision);

        HierarchyListing.assertEveryObjectOnce(tree, revision);
        assertTrue(tree.node("/other").isEmpty(), "the default rules cover every kind the generator makes");
        assertTrue(tree.node("/other-spaces").isEmpty());
        revision.objects().filter(o -> o.parentId() != null).forEach(o -> {
            String group = tree.groupOf(o.id()).orElseThrow();
            String floor = floorAbove(revision, o);
            assertEquals(floor == null ? 1 : 2, group.chars().filter(c -> c == '/').count(), o.id() + " in " + group);
            if (floor != null) {
                assertTrue(group.endsWith("/" + floor), o.id() + " in " + group);
            }
        });
        assertEquals("/power", tree.groupOf("be-c1").orElseThrow(), "the switchboard");
        assertEquals("/power", tree.groupOf("be-c2").orElseThrow(), "an electrical riser of the building");
        assertEquals("/plumbing-distribution", tree.groupOf("bp-c2").orElseThrow(), "a water riser");
        assertEquals("/hvac-equipment", tree.groupOf("bm-c1").orElseThrow(), "the air handler");
        assertEquals("/lighting/f1", tree.groupOf(revision.objects()
                .filter(o -> o.kind().equals("light-fixture")).findFirst().orElseThrow().id()).orElseThrow());
        assertEquals("Level 1", tree.node("/lighting/f1").orElseThrow().label());
    }

    @Test
    void theSameContentMadeInAnotherOrderGivesTheSameGroups() throws ChangeRejectedException {
        ChangeSet generated = SyntheticBuilding.generate(GeneratorSettings.of(11, 8_000));
        Revision inOrder = Revision.EMPTY.apply(generated);
        Revision shuffled = Revision.EMPTY.apply(shuffled(generated, inOrder));
        assertEquals(inOrder.contentHash(), shuffled.contentHash());

        HierarchyListing.assertSame(strategy.group(inOrder), strategy.group(shuffled), "shuffled");
    }

    @Test
    void regroupingEqualsGroupingOverRandomChangeSets() throws ChangeRejectedException {
        Revision revision = SyntheticBuilding.generateRevision(GeneratorSettings.of(5, 6_000));
        Hierarchy hierarchy = strategy.group(revision);
        RandomChanges random = new RandomChanges(23);
        for (int round = 0; round < 40; round++) {
            ChangeSet changes = random.next(revision, 1 + round % 25);
            Revision next = revision.apply(changes);
            Hierarchy regrouped = strategy.regroup(hierarchy, next, changes);

            HierarchyListing.assertSame(strategy.group(next), regrouped, "round " + round + ", " + changes.changes());
            HierarchyListing.assertEveryObjectOnce(regrouped, next);
            revision = next;
            hierarchy = regrouped;
        }
    }

    @Test
    void movesCarryWhatDependsOnThemAlong() throws ChangeRejectedException {
        Revision revision = small();
        ChangeSet changes = ChangeSet.of("test", "",
                new Change.MoveObject("s2", "f1"),
                new Change.MoveObject("e2", "b"),
                new Change.Rename("f1", "Ground floor"),
                new Change.Rename("b", "Tower"),
                new Change.SetGeometry("b", new Bounds(-10, -10, 200, 20), null),
                new Change.SetGeometry("l2", new Bounds(50, 50, 51, 51), null));
        Revision next = revision.apply(changes);

        Hierarchy regrouped = strategy.regroup(strategy.group(revision), next, changes);

        HierarchyListing.assertSame(strategy.group(next), regrouped, "moved");
        assertEquals("/hvac-terminals/f1", regrouped.parent("at").orElseThrow().id(), "its containedIn moved");
        assertEquals("/lighting", regrouped.parent("l2").orElseThrow().id(), "its system left the floor");
        assertEquals("Ground floor", regrouped.node("/egress/f1").orElseThrow().label());
        assertEquals("Tower", regrouped.root().label());
        assertEquals(new Bounds(-10, -10, 200, 51), regrouped.root().bounds());
        assertTrue(regrouped.node("/egress/f2").isEmpty(), "empty floor groups go");
        assertTrue(regrouped.node("/lighting/f2").isEmpty());
    }

    @Test
    void aConfigurationChangeAppliesToTheNextGrouping() {
        Revision revision = small();
        GroupTree before = strategy.group(revision);

        strategy.modified(configuration("lights=component:light-fixture", "desks=*:ifcfurn*"));
        GroupTree after = strategy.group(revision);

        assertEquals("/lighting/f2", before.groupOf("l2").orElseThrow());
        assertEquals("/lights/f2", after.groupOf("l2").orElseThrow());
        assertEquals("/desks/f1", after.groupOf("desk").orElseThrow());
        assertEquals("/other/f2", after.groupOf("s2").orElseThrow());
        HierarchyListing.assertEveryObjectOnce(after, revision);
    }

    @Test
    void aTreeGroupedWithOtherRulesIsGroupedAfresh() throws ChangeRejectedException {
        Revision revision = small();
        GroupTree before = strategy.group(revision);
        ChangeSet rename = ChangeSet.of("test", "", new Change.Rename("l2", "Light"));
        Revision next = revision.apply(rename);

        strategy.modified(configuration("lights=component:light-fixture"));
        Hierarchy regrouped = strategy.regroup(before, next, rename);

        HierarchyListing.assertSame(strategy.group(next), regrouped, "regrouped with the new rules");
        assertEquals("/lights/f2", regrouped.parent("l2").orElseThrow().id());
    }

    @Test
    void rulesThatCannotBeReadAreLoggedAndTheRulesInForceKept() {
        strategy.modified(configuration("lights=component:light-fixture"));

        String log = standardError(() -> strategy.modified(configuration("ok=component:x", "broken")));

        assertTrue(log.contains("ERROR"), log);
        assertTrue(log.contains("The functional grouping keeps the rules in force: function rule 2 'broken': it is "
                + "not function=type:kind"), log);
        assertEquals("/lights/f2", strategy.group(small()).groupOf("l2").orElseThrow());
    }

    @Test
    void atActivationRulesThatCannotBeReadGiveTheDefaults() {
        String[] log = new String[1];
        FunctionalGroupingStrategy[] made = new FunctionalGroupingStrategy[1];
        log[0] = standardError(() -> made[0] = new FunctionalGroupingStrategy(configuration("=component:x")));

        assertTrue(log[0].contains("The functional grouping keeps the default rules: function rule 1 "
                + "'=component:x': the function '' must be"), log[0]);
        assertEquals("/lighting/f2", made[0].group(small()).groupOf("l2").orElseThrow());
    }

    private static String standardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String floorAbove(Revision revision, BuildingObject object) {
        for (BuildingObject o = object; o != null; o = o.parentId() == null ? null : revision.get(o.parentId())) {
            if (o.type() == ObjectType.FLOOR) {
                return o.id();
            }
        }
        return null;
    }

    /** The generator's changes with children in a shuffled order (parents still first) and connections reversed. */
    private static ChangeSet shuffled(ChangeSet generated, Revision revision) {
        List<Change> connections = new ArrayList<>(generated.changes().stream()
                .filter(c -> c instanceof Change.Connect).toList());
        List<Change> reordered = new ArrayList<>();
        List<BuildingObject> pending = new ArrayList<>(List.of(revision.root().orElseThrow()));
        Random random = new Random(1);
        while (!pending.isEmpty()) {
            BuildingObject o = pending.remove(pending.size() - 1);
            reordered.add(new Change.AddObject(o));
            List<BuildingObject> children = new ArrayList<>(revision.children(o.id()));
            Collections.shuffle(children, random);
            pending.addAll(children);
        }
        Collections.reverse(connections);
        reordered.addAll(connections);
        return new ChangeSet("test", "shuffled", reordered);
    }

    private static Set<String> idSet(Hierarchy h, String node) {
        return Set.copyOf(h.children(node, 0, Integer.MAX_VALUE).stream().map(GroupNode::id).toList());
    }

    static FunctionalGroupingConfiguration defaults() {
        return configuration((String[]) defaultValue());
    }

    private static Object defaultValue() {
        try {
            return FunctionalGroupingConfiguration.class.getMethod("rules").getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static FunctionalGroupingConfiguration configuration(String... rules) {
        return new FunctionalGroupingConfiguration() {
            @Override
            public String[] rules() {
                return rules;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return FunctionalGroupingConfiguration.class;
            }
        };
    }
}
