package ${package};

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Component;

/**
 * The building with every other object directly under it, in id order: a starting point to make into a strategy of
 * your own. Ranked 100, above the shipped strategies, so it serves as soon as it is installed.
 */
@Component(property = { "arxos.impl=${implementation}", "service.ranking:Integer=100" })
public class FlatGroupingStrategy implements GroupingStrategy {

    @Override
    public Hierarchy group(Revision revision) {
        List<BuildingObject> objects = revision.objects().filter(o -> o.parentId() != null)
                .sorted(Comparator.comparing(BuildingObject::id)).toList();
        GroupNode root = revision.root()
                .map(b -> new GroupNode(b.id(), Objects.requireNonNullElse(b.name(), b.id()), "building", b.id(),
                        objects.size(), revision.objectCount(), null))
                .orElseGet(() -> new GroupNode("flat/", "(empty)", "empty", null, 0, 0, null));
        return new FlatHierarchy(revision.number(), root, revision, objects);
    }

    private record FlatHierarchy(long revision, GroupNode root, Revision content, List<BuildingObject> objects)
            implements Hierarchy {

        @Override
        public Optional<GroupNode> node(String nodeId) {
            return nodeId.equals(root.id()) ? Optional.of(root) : content.find(nodeId).map(FlatHierarchy::leaf);
        }

        @Override
        public Optional<GroupNode> parent(String nodeId) {
            return nodeId.equals(root.id()) || content.find(nodeId).isEmpty() ? Optional.empty() : Optional.of(root);
        }

        @Override
        public List<GroupNode> children(String nodeId, int offset, int limit) {
            if (!nodeId.equals(root.id())) {
                return List.of();
            }
            int from = Math.min(Math.max(offset, 0), objects.size());
            return objects.subList(from, Math.min(objects.size(), from + Math.max(limit, 0))).stream()
                    .map(FlatHierarchy::leaf).toList();
        }

        private static GroupNode leaf(BuildingObject o) {
            return new GroupNode(o.id(), Objects.requireNonNullElse(o.name(), o.id()), o.type().id(), o.id(), 0, 1,
                    o.footprint() == null ? null : o.footprint().bounds());
        }
    }
}
