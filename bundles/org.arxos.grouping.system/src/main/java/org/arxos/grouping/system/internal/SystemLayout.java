package org.arxos.grouping.system.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arxos.model.BuildingObject;
import org.arxos.model.Connection;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * The circuits and branches of one system: where each of its components goes, found by following the flow
 * connections between the system's own components from its sources.
 *
 * <p>Only a connection between two components of this system is followed. A component fed from elsewhere (a zone
 * panel fed by a building riser) is therefore a source of this system, and a feed into another system ends the walk
 * there; so each system's layout depends on its own components and their connections alone. Connections of the
 * kinds {@code fills} and {@code voids} join openings to walls and carry nothing: they are not flow.
 *
 * <p>Sources are the components that feed another component of the system and are fed by none. They are walked in id
 * order, each breadth first, the components a component feeds in id order, so that the result depends on the content
 * only, never on the order objects and connections were made in. A component fed from two places stays where it was
 * reached first; a component is walked once, so cycles end. Components still unplaced are fed only through cycles:
 * the smallest id among them that feeds something starts the next walk.
 *
 * <p>A component that feeds another component of the system is a group standing for itself (panel, circuit); the
 * others are leaves of the group that reached them. A component with no flow connection at all goes to the pure group
 * {@code <system>/unconnected}; one whose connections all lead to other systems (the air handler feeding every zone's
 * VAV boxes) is a leaf directly under the system.
 */
final class SystemLayout {

    private static final Set<String> NOT_FLOW = Set.of("fills", "voids");

    private final Map<String, Placement> placements;
    private final List<BuildingObject> components;

    private SystemLayout(Map<String, Placement> placements, List<BuildingObject> components) {
        this.placements = placements;
        this.components = components;
    }

    /** Whether the connection carries something from one component to the next. */
    static boolean carriesFlow(Connection connection) {
        return !NOT_FLOW.contains(connection.kind());
    }

    static SystemLayout of(Revision revision, String systemId) {
        Map<String, BuildingObject> members = new HashMap<>();
        for (BuildingObject child : revision.children(systemId)) {
            if (child.type() == ObjectType.COMPONENT) {
                members.put(child.id(), child);
            }
        }
        List<String> components = new ArrayList<>(members.keySet());
        Collections.sort(components);
        Map<String, List<String>> feeds = new HashMap<>();
        Set<String> fed = new HashSet<>();
        Set<String> connected = new HashSet<>();
        for (String component : components) {
            for (Connection connection : revision.connectionsOf(component)) {
                if (!carriesFlow(connection)) {
                    continue;
                }
                connected.add(component);
                if (connection.fromId().equals(component) && members.containsKey(connection.toId())) {
                    feeds.computeIfAbsent(component, c -> new ArrayList<>()).add(connection.toId());
                    fed.add(connection.toId());
                }
            }
        }
        feeds.values().forEach(SystemLayout::sortDistinct);

        Map<String, Placement> placements = new LinkedHashMap<>(components.size() * 4 / 3 + 1);
        GroupRef system = new GroupRef.OfObject(systemId);
        for (String component : components) {
            if (feeds.containsKey(component) && !fed.contains(component)) {
                walk(component, system, feeds, placements);
            }
        }
        for (String component : components) {
            if (feeds.containsKey(component) && !placements.containsKey(component)) {
                walk(component, system, feeds, placements);
            }
        }
        Placement underSystem = new Placement(system, false);
        Placement unconnected = new Placement(new GroupRef.Pure(systemId + "/unconnected", "Unconnected",
                "unconnected", system), false);
        for (String component : components) {
            if (!placements.containsKey(component)) {
                placements.put(component, connected.contains(component) ? underSystem : unconnected);
            }
        }
        List<BuildingObject> inFeedOrder = new ArrayList<>(placements.size());
        placements.keySet().forEach(id -> inFeedOrder.add(members.get(id)));
        return new SystemLayout(placements, inFeedOrder);
    }

    private static void sortDistinct(List<String> ids) {
        Collections.sort(ids);
        int kept = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (kept == 0 || !ids.get(i).equals(ids.get(kept - 1))) {
                ids.set(kept++, ids.get(i));
            }
        }
        ids.subList(kept, ids.size()).clear();
    }

    private static void walk(String start, GroupRef system, Map<String, List<String>> feeds,
            Map<String, Placement> placements) {
        placements.put(start, new Placement(system, true));
        ArrayDeque<String> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            String feeder = pending.poll();
            GroupRef feederGroup = new GroupRef.OfObject(feeder);
            for (String next : feeds.get(feeder)) {
                if (!placements.containsKey(next)) {
                    boolean feedsOthers = feeds.containsKey(next);
                    placements.put(next, new Placement(feederGroup, feedsOthers));
                    if (feedsOthers) {
                        pending.add(next);
                    }
                }
            }
        }
    }

    /** The placement of one of the system's components, or {@code null} for an object that is not one. */
    Placement placementOf(String componentId) {
        return placements.get(componentId);
    }

    /** The system's components, every feeder before the components it feeds. */
    List<BuildingObject> components() {
        return components;
    }
}
