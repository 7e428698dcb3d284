package org.arxos.grouping.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.arxos.api.io.ImportOptions;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.grouping.testing.SharedIfcFiles;
import org.arxos.io.ifc.internal.IfcBuildingImporter;
import org.arxos.io.ifc.internal.export.IfcBuildingExporter;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared IFC files as the importer maps them. What they really hold: one system (Building-Hvac's chimney flue:
 * two air terminals and a duct segment, no ports between them), and connections that are wall joins
 * ({@code connects}) and openings ({@code fills}) between walls, doors and windows in no system. So the hierarchy
 * must show the flue with its three members unconnected, and leave every connection outside a system without effect;
 * the invariants that hold for any file are checked as well. An IFC file with real flow connections between the
 * members of one system is made by exporting a generated building.
 */
class SystemGroupingIfcTest {

    private final SystemGroupingStrategy strategy = new SystemGroupingStrategy();

    @TestFactory
    Stream<DynamicTest> everySharedFileIsGroupedWithEveryObjectOnce() throws Exception {
        return SharedIfcFiles.all().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check(file)));
    }

    private void check(Path file) throws Exception {
        Revision revision = SharedIfcFiles.read(file);
        GroupTree tree = strategy.group(revision);

        HierarchyListing.assertEveryObjectOnce(tree, revision);
        assertEquals(0, FeedTrees.assertFollowsConnections(tree, revision),
                "the shared files have no flow between two members of one system");
        // connections between objects in no system change nothing: group the file without them
        ChangeSet withoutThem = new ChangeSet("test", "", revision.connections()
                .filter(c -> !inOneSystem(revision, c)).map(c -> (Change) new Change.Disconnect(c.id())).toList());
        Revision bare = revision.apply(withoutThem);
        HierarchyListing.assertSame(tree, strategy.group(bare), file.getFileName() + " without its connections");
    }

    @Test
    void theSharedFilesHoldWallJoinsAndOpeningsBetweenObjectsInNoSystem() throws Exception {
        Map<String, Long> kinds = new TreeMap<>();
        for (Path file : SharedIfcFiles.all()) {
            Revision revision = SharedIfcFiles.read(file);
            revision.connections().forEach(c -> {
                kinds.merge(c.kind(), 1L, Long::sum);
                assertTrue(!inOneSystem(revision, c), c.toString());
            });
        }
        assertEquals(Map.of("connects", 101L, "fills", 55L), kinds);
    }

    @Test
    void theChimneyFlueIsAMechanicalSystemWithItsThreeMembersUnconnected() throws Exception {
        Revision revision = SharedIfcFiles.read(SharedIfcFiles.file("Building-Hvac.ifc"));
        GroupTree tree = strategy.group(revision);
        BuildingObject flue = revision.objects().filter(o -> o.type() == ObjectType.SYSTEM).findFirst().orElseThrow();

        assertEquals("house - chimney flue", flue.name());
        assertEquals("/mechanical", tree.groupOf(flue.id()).orElseThrow());
        assertEquals(List.of(flue.id() + "/unconnected"), ids(tree, flue.id()));
        assertEquals(Map.of("ifcairterminal", 2L, "ifcductsegment", 1L),
                tree.children(flue.id() + "/unconnected", 0, 10).stream()
                        .collect(Collectors.groupingBy(n -> n.kind(), Collectors.counting())));
        assertEquals("/not-in-a-system", tree.groupOf(revision.children(revision.root().orElseThrow().id()).stream()
                .filter(o -> o.type() == ObjectType.FLOOR).findFirst().orElseThrow().id()).orElseThrow());
    }

    @Test
    void flowConnectionsReadFromAnIfcFileMakeTheFeedTree() throws Exception {
        Revision generated = SyntheticBuilding.generateRevision(GeneratorSettings.of(9, 3_000));
        ByteArrayOutputStream ifc = new ByteArrayOutputStream();
        new IfcBuildingExporter().write(generated, ifc);
        Revision imported = Revision.EMPTY.apply(new IfcBuildingImporter()
                .read(new ByteArrayInputStream(ifc.toByteArray()), ImportOptions.of("generated.ifc")).content());
        GroupTree tree = strategy.group(imported);

        HierarchyListing.assertEveryObjectOnce(tree, imported);
        FeedTrees.assertExact(tree, imported);
        assertTrue(FeedTrees.assertFollowsConnections(tree, imported) > imported.connectionCount() / 2);
    }

    private static boolean inOneSystem(Revision revision, Connection c) {
        BuildingObject from = revision.get(c.fromId());
        BuildingObject to = revision.get(c.toId());
        return from.parentId() != null && from.parentId().equals(to.parentId())
                && revision.get(from.parentId()).type() == ObjectType.SYSTEM;
    }

    private static List<String> ids(GroupTree tree, String node) {
        return tree.children(node, 0, Integer.MAX_VALUE).stream().map(n -> n.id()).toList();
    }
}
