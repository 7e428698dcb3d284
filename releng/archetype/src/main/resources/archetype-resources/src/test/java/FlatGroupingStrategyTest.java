package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.junit.jupiter.api.Test;

class FlatGroupingStrategyTest {

    private static Change add(String id, ObjectType type, String kind, String parent) {
        return new Change.AddObject(new BuildingObject(id, type, kind, parent, null, null, null, null));
    }

    @Test
    void everyObjectSitsUnderTheBuildingInIdOrder() throws Exception {
        Revision revision = Revision.EMPTY.apply(ChangeSet.of("test", "a small building",
                add("B", ObjectType.BUILDING, "building", null), add("F1", ObjectType.FLOOR, "floor", "B"),
                add("S1", ObjectType.SPACE, "office", "F1"), add("E", ObjectType.SYSTEM, "electrical", "B")));

        Hierarchy hierarchy = new FlatGroupingStrategy().group(revision);

        assertEquals("B", hierarchy.root().id());
        assertEquals(4, hierarchy.root().objectCount());
        assertEquals(List.of("E", "F1", "S1"), hierarchy.children("B", 0, 10).stream().map(GroupNode::id).toList());
        assertEquals(hierarchy.root(), hierarchy.parent("S1").orElseThrow());
        assertTrue(hierarchy.parent("B").isEmpty());
    }

    @Test
    void anEmptyRevisionIsAnEmptyRoot() {
        Hierarchy hierarchy = new FlatGroupingStrategy().group(Revision.EMPTY);

        assertEquals("empty", hierarchy.root().kind());
        assertEquals(List.of(), hierarchy.children(hierarchy.root().id(), 0, 10));
    }
}
