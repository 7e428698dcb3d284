package org.arxos.benchmarks.collab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.Revision;

/**
 * The seeded edits of one editor, each one change in the protocol's JSON: numeric property writes on components
 * (35 %), text property writes on spaces (15 %), renames (15 %), moves of a space to another zone of its floor
 * (15 %), components added in a space (10 %) and removals of components this editor added (10 %; an add while it
 * has none). Editors touch the same objects, so writes and moves are concurrent for real; removals stay with
 * the editor's own additions, which nobody else refers to, so they are never rejected for a child or connection.
 */
final class EditScript {

    /** The objects of the building the edits pick from. */
    record Targets(List<String> components, List<String> spaces, Map<String, List<String>> zonesOfSpace) {

        static Targets of(Revision building) {
            List<String> components = new ArrayList<>();
            List<String> spaces = new ArrayList<>();
            Map<String, List<String>> zonesOfFloor = new HashMap<>();
            Map<String, String> floorOf = new HashMap<>();
            building.objects().forEach(o -> {
                if (o.type() == ObjectType.COMPONENT) {
                    components.add(o.id());
                } else if (o.type() == ObjectType.ZONE) {
                    zonesOfFloor.computeIfAbsent(floor(building, o), f -> new ArrayList<>()).add(o.id());
                }
            });
            building.objects().filter(o -> o.type() == ObjectType.SPACE).forEach(o -> {
                spaces.add(o.id());
                floorOf.put(o.id(), floor(building, o));
            });
            Map<String, List<String>> zonesOfSpace = new HashMap<>();
            for (String space : spaces) {
                List<String> zones = zonesOfFloor.getOrDefault(floorOf.get(space), List.of());
                if (zones.size() > 1) {
                    zonesOfSpace.put(space, zones);
                }
            }
            if (components.isEmpty() || spaces.isEmpty() || zonesOfSpace.isEmpty()) {
                throw new IllegalArgumentException("the building needs components, spaces and floors with two zones "
                        + "or more; it has " + components.size() + " components and " + spaces.size() + " spaces");
            }
            return new Targets(List.copyOf(components), List.copyOf(spaces), Map.copyOf(zonesOfSpace));
        }

        private static String floor(Revision building, BuildingObject object) {
            BuildingObject o = object;
            while (o.type() != ObjectType.FLOOR && o.parentId() != null) {
                o = building.get(o.parentId());
            }
            return o.id();
        }
    }

    private final String clientId;
    private final Targets targets;
    private final List<String> movableSpaces;
    private final SplittableRandom random;
    private final Deque<String> added = new ArrayDeque<>();
    private int next;

    EditScript(String clientId, Targets targets, long seed) {
        this.clientId = clientId;
        this.targets = targets;
        this.movableSpaces = List.copyOf(targets.zonesOfSpace().keySet().stream().sorted().toList());
        this.random = new SplittableRandom(seed);
    }

    /** The next edit: a JSON array holding one change. */
    String next() {
        int dice = random.nextInt(100);
        next++;
        if (dice < 35) {
            return "[{\"op\":\"set\",\"id\":\"" + pick(targets.components())
                    + "\",\"name\":\"load\",\"value\":{\"number\":" + random.nextInt(10_000) + ",\"unit\":\"W\"}}]";
        }
        if (dice < 50) {
            return "[{\"op\":\"set\",\"id\":\"" + pick(targets.spaces()) + "\",\"name\":\"note\",\"value\":{\"text\":\""
                    + clientId + " edit " + next + "\"}}]";
        }
        if (dice < 65) {
            String id = random.nextBoolean() ? pick(targets.components()) : pick(targets.spaces());
            return "[{\"op\":\"rename\",\"id\":\"" + id + "\",\"name\":\"" + clientId + " name " + next + "\"}]";
        }
        if (dice < 80) {
            String space = pick(movableSpaces);
            return "[{\"op\":\"move\",\"id\":\"" + space + "\",\"parent\":\"" + pick(targets.zonesOfSpace().get(space))
                    + "\"}]";
        }
        if (dice >= 90 && !added.isEmpty()) {
            return "[{\"op\":\"remove\",\"id\":\"" + added.pollFirst() + "\"}]";
        }
        String id = clientId + "-c" + next;
        added.addLast(id);
        return "[{\"op\":\"add\",\"object\":{\"id\":\"" + id + "\",\"type\":\"component\",\"kind\":\"sensor\","
                + "\"parent\":\"" + pick(targets.spaces()) + "\",\"name\":\"Sensor " + next + "\"}}]";
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
