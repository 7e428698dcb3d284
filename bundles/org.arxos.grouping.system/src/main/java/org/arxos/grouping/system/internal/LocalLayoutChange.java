package org.arxos.grouping.system.internal;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.arxos.api.grouping.GroupNode;
import org.arxos.grouping.GroupTree;
import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * The new placements of the components a change set touches in one system, worked out from those components alone
 * when the change is local; otherwise the system is laid out again ({@link SystemLayout}).
 *
 * <p>A change is local when the only components whose feeds inside the system change are leaves (they feed nothing
 * in the system, before and after), each fed from one place at most, while the touched components that do feed
 * something stay in the system with the same feeds into them; and no walk of the system's layout starts inside a
 * cycle. Then the walks visit the same feeders in the same order as before: only leaves come, go or change feeder,
 * and a feeder turns into a leaf or back when its last leaf goes or its first comes. So a touched feeder keeps its
 * parent (a source stays a source), and a touched leaf goes under its one feeder, or under the system when it is fed
 * by none: directly when it has a flow connection to another system, else among the unconnected. That is what laying
 * the system out again would give, at the cost of the change instead of the system.
 *
 * <p>A feed into a component changes only when a connection is made or removed (both ends are touched) or one end
 * enters or leaves the system (that end is touched). So the components to look at are the touched ones and the
 * feeders of touched ones that gained or lost a feed; the feeds out of a component are only asked whether there are
 * any.
 */
final class LocalLayoutChange {

    private final String systemId;
    private final Revision before;
    private final Revision after;
    private final Map<Revision, Set<String>> members = new IdentityHashMap<>(2);

    private LocalLayoutChange(String systemId, Revision before, Revision after) {
        this.systemId = systemId;
        this.before = before;
        this.after = after;
    }

    /**
     * The placements of the components to look at that are in the system after the change, feeders first; empty
     * when the change is not local.
     */
    static Optional<Map<String, Placement>> of(String systemId, Set<String> touched, GroupTree previous,
            Revision after) {
        return new LocalLayoutChange(systemId, previous.source(), after).placements(touched, previous);
    }

    private Optional<Map<String, Placement>> placements(Set<String> touched, GroupTree previous) {
        if (startsInACycle(previous)) {
            return Optional.empty();
        }
        Set<String> all = new LinkedHashSet<>(touched);
        for (String id : touched) {
            Set<String> then = feeders(before, id);
            Set<String> now = feeders(after, id);
            then.stream().filter(f -> !now.contains(f)).forEach(all::add);
            now.stream().filter(f -> !then.contains(f)).forEach(all::add);
        }
        Map<String, Placement> feeders = new LinkedHashMap<>();
        Map<String, Placement> leaves = new LinkedHashMap<>();
        GroupRef system = new GroupRef.OfObject(systemId);
        for (String id : all) {
            boolean memberBefore = isComponent(before, id);
            boolean memberAfter = isComponent(after, id);
            boolean fedBefore = memberBefore && feedsSomething(before, id);
            boolean fedAfter = memberAfter && feedsSomething(after, id);
            Set<String> from = memberAfter ? feeders(after, id) : Set.of();
            if (!fedBefore && !fedAfter) {
                if (from.size() > 1) {
                    return Optional.empty();
                }
                if (memberAfter) {
                    leaves.put(id, from.isEmpty() ? rootLeaf(id, system)
                            : new Placement(new GroupRef.OfObject(from.iterator().next()), false));
                }
            } else if (!memberBefore || !memberAfter || !from.equals(feeders(before, id))) {
                return Optional.empty();
            } else if (from.isEmpty()) {
                feeders.put(id, fedAfter ? new Placement(system, true) : rootLeaf(id, system));
            } else {
                feeders.put(id, new Placement(new GroupRef.OfObject(previous.groupOf(id).orElseThrow()), fedAfter));
            }
        }
        feeders.putAll(leaves);
        return Optional.of(feeders);
    }

    /** Whether a walk of the previous layout starts at a component fed from inside the system (a cycle). */
    private boolean startsInACycle(GroupTree previous) {
        for (GroupNode child : previous.children(systemId, 0, Integer.MAX_VALUE)) {
            if (previous.isGroup(child.id()) && isComponent(before, child.id())
                    && !feeders(before, child.id()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Where a component fed by nothing in the system and feeding nothing goes. */
    private Placement rootLeaf(String id, GroupRef system) {
        for (Connection connection : after.connectionsOf(id)) {
            if (SystemLayout.carriesFlow(connection)) {
                return new Placement(system, false);
            }
        }
        return new Placement(new GroupRef.Pure(systemId + "/unconnected", "Unconnected", "unconnected", system), false);
    }

    /** The components of the system that feed this one; empty when it is not one of the system's components. */
    private Set<String> feeders(Revision revision, String id) {
        Set<String> feeders = new HashSet<>();
        if (isComponent(revision, id)) {
            for (Connection connection : revision.connectionsOf(id)) {
                if (connection.toId().equals(id) && SystemLayout.carriesFlow(connection)
                        && isComponent(revision, connection.fromId())) {
                    feeders.add(connection.fromId());
                }
            }
        }
        return feeders;
    }

    private boolean feedsSomething(Revision revision, String id) {
        List<Connection> connections = revision.connectionsOf(id);
        // A hub (the air handler feeding every zone) has more connections than its system has components: then one
        // pass over the system is cheaper than looking up every other end.
        Set<String> inSystem = connections.size() > revision.childCount(systemId)
                ? members.computeIfAbsent(revision, this::components) : null;
        for (Connection connection : connections) {
            if (connection.fromId().equals(id) && SystemLayout.carriesFlow(connection)
                    && (inSystem != null ? inSystem.contains(connection.toId())
                            : isComponent(revision, connection.toId()))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> components(Revision revision) {
        Set<String> ids = new HashSet<>();
        for (BuildingObject child : revision.children(systemId)) {
            if (child.type() == ObjectType.COMPONENT) {
                ids.add(child.id());
            }
        }
        return ids;
    }

    private boolean isComponent(Revision revision, String id) {
        BuildingObject object = revision.find(id).orElse(null);
        return object != null && object.type() == ObjectType.COMPONENT && systemId.equals(object.parentId());
    }
}
