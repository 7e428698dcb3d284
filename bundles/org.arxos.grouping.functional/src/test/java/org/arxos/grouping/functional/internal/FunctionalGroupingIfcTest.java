package org.arxos.grouping.functional.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.arxos.grouping.GroupTree;
import org.arxos.grouping.testing.HierarchyListing;
import org.arxos.grouping.testing.SharedIfcFiles;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shared IFC files under the default rules: every object once, each IFC class in its function, on its floor. */
class FunctionalGroupingIfcTest {

    private final FunctionalGroupingStrategy strategy =
            new FunctionalGroupingStrategy(FunctionalGroupingStrategyTest.defaults());

    @TestFactory
    Stream<DynamicTest> everySharedFileIsGroupedWithEveryObjectOnce() throws Exception {
        return SharedIfcFiles.all().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Revision revision = SharedIfcFiles.read(file);
            GroupTree tree = strategy.group(revision);
            HierarchyListing.assertEveryObjectOnce(tree, revision);
            revision.objects().filter(o -> o.parentId() != null && o.type() != ObjectType.SYSTEM)
                    .forEach(o -> assertEquals(2, tree.groupOf(o.id()).orElseThrow().chars()
                            .filter(c -> c == '/').count(), o.id() + " is on a floor"));
        }));
    }

    @Test
    void theDuplexClassesHaveTheirFunctions() throws Exception {
        assertEquals(Map.of(
                "/egress", Set.of("ifcdoor", "ifcrailing", "ifcstair", "ifcstairflight"),
                "/envelope", Set.of("ifcroof", "ifcwindow"),
                "/furnishing", Set.of("ifcfurnishingelement"),
                "/organization", Set.of("floor"),
                "/other", Set.of("ifccovering"),
                "/other-spaces", Set.of("space"),
                "/structure", Set.of("ifcbeam", "ifcfooting", "ifcmember", "ifcslab", "ifcwall",
                        "ifcwallstandardcase")), kindsByFunction(SharedIfcFiles.file("duplex.ifc")));
    }

    @Test
    void onlyProxiesAndCoveringsAreLeftOver() throws Exception {
        Set<String> other = new TreeSet<>();
        for (Path file : SharedIfcFiles.all()) {
            other.addAll(kindsByFunction(file).getOrDefault("/other", Set.of()));
        }
        assertEquals(Set.of("ifcbuildingelementproxy", "ifccovering"), other);
    }

    @Test
    void membersOfABuildingWideSystemAreOnTheFloorTheirContainedInNames() throws Exception {
        Revision revision = SharedIfcFiles.read(SharedIfcFiles.file("Building-Hvac.ifc"));
        GroupTree tree = strategy.group(revision);
        BuildingObject storey = revision.objects().filter(o -> o.kind().equals("floor")).findFirst().orElseThrow();

        long terminals = revision.objects().filter(o -> o.kind().equals("ifcairterminal")).peek(terminal -> {
            assertEquals(ObjectType.SYSTEM, revision.get(terminal.parentId()).type());
            assertEquals("/hvac-terminals/" + storey.id(), tree.groupOf(terminal.id()).orElseThrow());
        }).count();
        assertEquals(2, terminals);
        assertTrue(tree.groupOf(revision.objects().filter(o -> o.kind().equals("ifcductsegment")).findFirst()
                .orElseThrow().id()).orElseThrow().startsWith("/hvac-equipment/"));
    }

    private Map<String, Set<String>> kindsByFunction(Path file) throws Exception {
        Revision revision = SharedIfcFiles.read(file);
        GroupTree tree = strategy.group(revision);
        Map<String, Set<String>> kinds = new TreeMap<>();
        revision.objects().filter(o -> o.parentId() != null).forEach(o -> {
            String group = tree.groupOf(o.id()).orElseThrow();
            int floor = group.indexOf('/', 1);
            kinds.computeIfAbsent(floor < 0 ? group : group.substring(0, floor), k -> new TreeSet<>()).add(o.kind());
        });
        return kinds;
    }
}
