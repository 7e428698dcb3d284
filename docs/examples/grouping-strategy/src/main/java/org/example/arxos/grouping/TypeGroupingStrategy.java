package org.example.arxos.grouping;

import static java.util.Objects.requireNonNullElse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arxos.api.grouping.GroupNode;
import org.arxos.api.grouping.GroupingStrategy;
import org.arxos.api.grouping.Hierarchy;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Component;

/** Groups a building's objects by their type. Ranked 100, above the shipped strategies, so it serves once installed. */
@Component(property = { "arxos.impl=by-type", "service.ranking:Integer=100" })
public class TypeGroupingStrategy implements GroupingStrategy {

    @Override
    public Hierarchy group(Revision revision) {
        return new TypeHierarchy(revision);
    }

    /** The building, under it one group per object type ({@code type/floor}, ...), under each its objects by id. */
    static final class TypeHierarchy implements Hierarchy {

        private static final String GROUP = "type/";
        private final Revision revision;
        private final Map<ObjectType, List<BuildingObject>> byType = new EnumMap<>(ObjectType.class);
        private final GroupNode root;

        TypeHierarchy(Revision revision) {
            this.revision = revision;
            revision.objects().filter(o -> o.type() != ObjectType.BUILDING)
                    .sorted(Comparator.comparing(BuildingObject::id))
                    .forEach(o -> byType.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o));
            this.root = revision.root().map(b -> new GroupNode(b.id(), requireNonNullElse(b.name(), b.id()), "building",
                    b.id(), byType.size(), revision.objectCount(), union(revision.objects().toList())))
                    .orElseGet(() -> new GroupNode(GROUP, "(empty)", "empty", null, 0, 0, null));
        }

        @Override
        public long revision() {
            return revision.number();
        }

        @Override
        public GroupNode root() {
            return root;
        }

        @Override
        public Optional<GroupNode> node(String nodeId) {
            // object ids cannot contain '/', so group ids never clash with them
            return nodeId.equals(root.id()) ? Optional.of(root)
                    : typeOf(nodeId).map(this::group).or(() -> revision.find(nodeId).map(TypeHierarchy::leaf));
        }

        @Override
        public Optional<GroupNode> parent(String nodeId) {
            return typeOf(nodeId).isPresent() ? Optional.of(root)
                    : revision.find(nodeId).filter(o -> o.type() != ObjectType.BUILDING).map(o -> group(o.type()));
        }

        @Override
        public List<GroupNode> children(String nodeId, int offset, int limit) {
            List<GroupNode> all = nodeId.equals(root.id()) ? byType.keySet().stream().map(this::group).toList()
                    : typeOf(nodeId).map(t -> byType.get(t).stream().map(TypeHierarchy::leaf).toList())
                            .orElse(List.of());
            int from = Math.min(Math.max(offset, 0), all.size());
            return all.subList(from, Math.min(all.size(), from + Math.max(limit, 0)));
        }

        private Optional<ObjectType> typeOf(String groupId) {
            return byType.keySet().stream().filter(t -> (GROUP + t.id()).equals(groupId)).findFirst();
        }

        private GroupNode group(ObjectType type) {
            List<BuildingObject> in = byType.get(type);
            return new GroupNode(GROUP + type.id(), type.id(), "type", null, in.size(), in.size(), union(in));
        }

        private static GroupNode leaf(BuildingObject o) {
            return new GroupNode(o.id(), requireNonNullElse(o.name(), o.id()), o.type().id(), o.id(), 0, 1,
                    o.footprint() == null ? null : o.footprint().bounds());
        }

        private static Bounds union(List<BuildingObject> objects) {
            return objects.stream().filter(o -> o.footprint() != null).map(o -> o.footprint().bounds())
                    .reduce(Bounds::union).orElse(null);
        }
    }
}
