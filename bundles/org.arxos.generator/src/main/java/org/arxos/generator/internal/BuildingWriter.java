package org.arxos.generator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeSet;
import org.arxos.model.Connection;
import org.arxos.model.Discipline;
import org.arxos.model.ObjectType;
import org.arxos.model.Properties;
import org.arxos.model.PropertyValue;
import org.arxos.model.geometry.Bounds;
import org.arxos.model.geometry.ElevationRange;

/**
 * Writes one synthetic building into a change set. Every level gets an exact budget of items (objects plus
 * connections) and spends all of it, so the total is the target. Values that repeat (kinds, elevation ranges,
 * property sets) are shared instances, and every child refers to its parent's id string, to keep big buildings small.
 */
public final class BuildingWriter {

    static final float FLOOR_HEIGHT = 3.5f;
    static final float CEILING = 2.8f;

    /** Items the building level itself costs: building, 3 systems, switchboard, air handler, water main. */
    static final int BUILDING_ITEMS = 7;
    /** Items each floor costs outside its zones: floor, 2 risers, 2 riser feeds. */
    static final int FLOOR_ITEMS = 5;
    /** The smallest zone: zone, space, 3 systems, 3 feeds, panel + circuit + light + 2 links, VAV + diffuser + link, branch + fixture + link. */
    static final int MIN_ZONE_ITEMS = 19;
    static final double SPACE_SHARE = 0.06;
    static final double M2_PER_SPACE = 22;

    private static final String[] LIGHT_KINDS = {"light-fixture", "light-fixture", "light-fixture", "receptacle", "receptacle"};
    private static final double[] LIGHT_LOADS = {18, 24, 36, 48};
    private static final double[] AIRFLOWS = {40, 60, 80, 100, 120};
    private static final String[] PLUMBING_FIXTURES = {"lavatory", "water-closet", "water-closet", "urinal"};
    private static final double[] FIXTURE_FLOWS = {0.1, 1.2, 1.2, 0.6};
    private static final String[] ROOM_USES = {"office", "office", "office", "office", "office", "meeting-room",
            "meeting-room", "storage", "pantry", "copy-room"};

    private final SplittableRandom random;
    private final int target;
    private final String buildingId;
    private final String buildingName;

    private final List<Change> objects;
    private final List<Change> connections;
    private final Map<String, Properties> propertySets = new HashMap<>();
    private final Map<String, PropertyValue> values = new HashMap<>();

    // building-wide sources
    private String be;
    private String bm;
    private String bp;
    private String switchboard;
    private String airHandler;
    private String waterMain;
    private int buildingLinks;
    private int buildingComponents;

    public BuildingWriter(long seed, int target, String buildingId, String buildingName) {
        this.random = new SplittableRandom(seed);
        this.target = target;
        this.buildingId = buildingId;
        this.buildingName = buildingName;
        this.objects = new ArrayList<>(target * 6 / 10);
        this.connections = new ArrayList<>(target / 2);
    }

    /** Floors grow as about the 0.41th power of the size: 1 floor at 100 items, ~6 at 10 000, ~40 at a million. */
    static int floorsFor(int target) {
        int floors = (int) Math.round(0.1376 * Math.pow(target, 0.41));
        int maxByBudget = (target - BUILDING_ITEMS) / (FLOOR_ITEMS + 4 * MIN_ZONE_ITEMS + 4);
        return Math.max(1, Math.min(60, Math.min(floors, maxByBudget)));
    }

    public ChangeSet write() {
        int floors = floorsFor(target);
        writeBuilding(floors);
        int zoneItems = target - BUILDING_ITEMS - FLOOR_ITEMS * floors;
        for (int f = 1; f <= floors; f++) {
            int share = zoneItems / floors + (f <= zoneItems % floors ? 1 : 0);
            writeFloor(f, share);
        }
        List<Change> all = new ArrayList<>(objects.size() + connections.size());
        all.addAll(objects);
        all.addAll(connections);
        return new ChangeSet("generator", "synthetic building, " + floors + " floors, " + objects.size()
                + " objects, " + connections.size() + " connections", all);
    }

    // ------------------------------------------------------------------ building and floors

    private void writeBuilding(int floors) {
        addObject(buildingId, ObjectType.BUILDING, "building", null, buildingName, null,
                new ElevationRange(0, floors * FLOOR_HEIGHT), props("floors", number(floors, null)));
        be = system("be", Discipline.ELECTRICAL, buildingId, "Electrical service");
        bm = system("bm", Discipline.MECHANICAL, buildingId, "Central plant");
        bp = system("bp", Discipline.PLUMBING, buildingId, "Domestic water");
        ElevationRange plant = new ElevationRange(0, FLOOR_HEIGHT);
        Bounds room = new Bounds(0, 0, 4, 3);
        switchboard = addObject("be-c1", ObjectType.COMPONENT, "switchboard", be, null, room, plant,
                props("rating", number(2500, "A")));
        airHandler = addObject("bm-c1", ObjectType.COMPONENT, "air-handler", bm, null, new Bounds(4, 0, 10, 3), plant,
                props("airflow", number(Math.round(target * 2.0 / 10) * 10, "l/s")));
        waterMain = addObject("bp-c1", ObjectType.COMPONENT, "water-main", bp, null, new Bounds(10, 0, 11, 1), plant,
                props("diameter", number(100, "mm")));
        buildingComponents = 1;
    }

    private void writeFloor(int f, int items) {
        String floorId = "f" + f;
        float bottom = (f - 1) * FLOOR_HEIGHT;
        ElevationRange storey = new ElevationRange(bottom, bottom + FLOOR_HEIGHT);
        Elevations el = new Elevations(bottom);

        double area = Math.max(200, items * SPACE_SHARE * M2_PER_SPACE);
        float width = (float) Math.sqrt(area * 1.6);
        float depth = (float) (area / width);
        String floor = addObject(floorId, ObjectType.FLOOR, "floor", buildingId, "Level " + f,
                new Bounds(0, 0, width, depth), storey,
                props("elevation", number(bottom, "m"), "height", number(FLOOR_HEIGHT, "m")));

        // risers stand in a shaft at the same spot on every floor
        Bounds shaft = new Bounds(1, 1, 2, 2);
        buildingComponents++;
        String eRiser = addObject("be-c" + buildingComponents, ObjectType.COMPONENT, "riser", be, null, shaft, storey,
                props("rating", number(400, "A")));
        String pRiser = addObject("bp-c" + buildingComponents, ObjectType.COMPONENT, "riser", bp, null, shaft, storey,
                props("diameter", number(50, "mm")));
        link("be-k" + ++buildingLinks, switchboard, eRiser, "power");
        link("bp-k" + ++buildingLinks, waterMain, pRiser, "water");

        int zones = zonesFor(items);
        int[] perRow = rows(zones);
        int rowCount = perRow.length;
        int spent = 0;
        int z = 0;
        for (int row = 0; row < rowCount; row++) {
            float y0 = depth * row / rowCount;
            float y1 = row == rowCount - 1 ? depth : depth * (row + 1) / rowCount;
            for (int col = 0; col < perRow[row]; col++) {
                z++;
                float x0 = width * col / perRow[row];
                float x1 = col == perRow[row] - 1 ? width : width * (col + 1) / perRow[row];
                int budget = z == zones ? items - spent
                        : (int) Math.round((double) items / (rowCount * perRow[row]));
                spent += budget;
                new ZoneWriter(f, z, floor, new Bounds(x0, y0, x1, y1), el, storey, eRiser, pRiser).write(budget);
            }
        }
    }

    /** 4 to 12 zones, fewer when the floor's budget cannot give every zone its minimum. */
    private int zonesFor(int items) {
        int zones = 4 + random.nextInt(9);
        while (zones > 4 && smallestShare(zones) * items < MIN_ZONE_ITEMS + 2) {
            zones--;
        }
        return zones;
    }

    private static double smallestShare(int zones) {
        int[] perRow = rows(zones);
        int most = 0;
        for (int n : perRow) {
            most = Math.max(most, n);
        }
        return 1.0 / (perRow.length * most);
    }

    /** Zones per row of the floor plate: two rows up to 6 zones, three beyond. */
    static int[] rows(int zones) {
        int rows = zones <= 6 ? 2 : 3;
        int[] perRow = new int[rows];
        for (int i = 0; i < zones; i++) {
            perRow[i % rows]++;
        }
        return perRow;
    }

    /** Shared elevation ranges of one floor. */
    private static final class Elevations {
        final ElevationRange room;
        final ElevationRange ceiling;
        final ElevationRange plenum;
        final ElevationRange outlet;
        final ElevationRange wall;
        final ElevationRange fixture;
        final ElevationRange sensor;

        Elevations(float bottom) {
            room = new ElevationRange(bottom, bottom + CEILING);
            ceiling = new ElevationRange(bottom + CEILING - 0.1f, bottom + CEILING);
            plenum = new ElevationRange(bottom + CEILING, bottom + FLOOR_HEIGHT - 0.1f);
            outlet = new ElevationRange(bottom + 0.3f, bottom + 0.4f);
            wall = new ElevationRange(bottom, bottom + 2.0f);
            fixture = new ElevationRange(bottom, bottom + 0.9f);
            sensor = new ElevationRange(bottom + 1.2f, bottom + 1.4f);
        }
    }

    // ------------------------------------------------------------------ zones

    private final class ZoneWriter {
        final int f;
        final int z;
        final String floor;
        final Bounds bounds;
        final Elevations el;
        final ElevationRange storey;
        final String eRiser;
        final String pRiser;
        final String prefix;
        final List<Bounds> rooms = new ArrayList<>();
        final List<Bounds> restrooms = new ArrayList<>();
        final List<Bounds> corridors = new ArrayList<>();

        ZoneWriter(int f, int z, String floor, Bounds bounds, Elevations el, ElevationRange storey, String eRiser,
                String pRiser) {
            this.f = f;
            this.z = z;
            this.floor = floor;
            this.bounds = bounds;
            this.el = el;
            this.storey = storey;
            this.eRiser = eRiser;
            this.pRiser = pRiser;
            this.prefix = "f" + f + "z" + z;
        }

        void write(int budget) {
            String zone = addObject(prefix, ObjectType.ZONE, "zone", floor, "Zone " + f + "." + z, bounds, storey,
                    props("area", number(round1(bounds.area()), "m2")));
            int rest = budget - 1 - 3 - 3 - 3; // zone, systems, feeds, sources
            int spaces = Math.max(1, (int) Math.round(rest * SPACE_SHARE));
            rest -= spaces;
            writeSpaces(zone, spaces);
            int electrical = Math.max(4, (int) Math.round(rest * 0.55));
            int mechanical = Math.max(2, (int) Math.round(rest * 0.28));
            int plumbing = rest - electrical - mechanical;
            if (plumbing < 2) {
                electrical -= 2 - plumbing;
                plumbing = 2;
            }
            writeElectrical(zone, electrical);
            writeMechanical(zone, mechanical);
            writePlumbing(zone, plumbing);
        }

        /**
         * Tiles the zone: horizontal bands of a corridor between two rows of rooms, about 12 m deep; room widths vary.
         * Rectangles share edges and never overlap.
         */
        void writeSpaces(String zone, int spaces) {
            int n = 0;
            if (spaces == 1) {
                space(zone, ++n, "open-office", bounds);
                return;
            }
            float height = bounds.height();
            int bands = Math.max(1, Math.min(spaces / 3, Math.round(height / 12)));
            bands = Math.max(1, Math.min(bands, (spaces + 1) / 2));
            int roomsLeft = spaces - bands;
            for (int b = 0; b < bands; b++) {
                float y0 = bounds.minY() + height * b / bands;
                float y1 = b == bands - 1 ? bounds.maxY() : bounds.minY() + height * (b + 1) / bands;
                int rooms = roomsLeft / (bands - b);
                roomsLeft -= rooms;
                int top = (rooms + 1) / 2;
                int bottom = rooms - top;
                float corridor = Math.min(2f, (y1 - y0) * 0.2f);
                float mid = (y0 + y1) / 2;
                float c0 = bottom == 0 ? y0 : mid - corridor / 2;
                float c1 = top == 0 ? y1 : mid + corridor / 2;
                Bounds hall = new Bounds(bounds.minX(), c0, bounds.maxX(), c1);
                space(zone, ++n, "corridor", hall);
                corridors.add(hall);
                n = row(zone, n, top, c1, y1);
                n = row(zone, n, bottom, y0, c0);
            }
        }

        int row(String zone, int n, int count, float y0, float y1) {
            if (count == 0) {
                return n;
            }
            double[] cuts = new double[count + 1];
            for (int i = 1; i <= count; i++) {
                cuts[i] = cuts[i - 1] + 0.7 + 0.6 * random.nextDouble();
            }
            float x0 = bounds.minX();
            float w = bounds.width();
            float left = x0;
            for (int i = 1; i <= count; i++) {
                float right = i == count ? bounds.maxX() : (float) (x0 + w * cuts[i] / cuts[count]);
                right = Math.max(left, right);
                Bounds room = new Bounds(left, y0, right, y1);
                String use;
                if (n == 2 && z == 1) {
                    use = "stair";
                } else if (n == 3 || n % 25 == 0) {
                    use = "restroom";
                } else {
                    use = ROOM_USES[random.nextInt(ROOM_USES.length)];
                }
                space(zone, ++n, use, room);
                if (use.equals("restroom")) {
                    restrooms.add(room);
                } else if (!use.equals("stair")) {
                    rooms.add(room);
                }
                left = right;
            }
            return n;
        }

        void space(String zone, int n, String use, Bounds b) {
            String name = switch (use) {
                case "corridor" -> "Corridor";
                case "stair" -> "Stair";
                case "restroom" -> "Restroom";
                case "open-office" -> "Open office";
                default -> null;
            };
            addObject(prefix + "s" + n, ObjectType.SPACE, use, zone,
                    name == null ? null : name + " " + f + "." + z + "." + n, b, el.room,
                    props("use", text(use), "area", number(round1(b.area()), "m2")));
        }

        /** Panel, circuits of about ten lights and receptacles; an odd item becomes an unconnected sensor. */
        void writeElectrical(String zone, int items) {
            String sys = system(prefix + "e", Discipline.ELECTRICAL, zone, null);
            int c = 0;
            int k = 0;
            String panel = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "panel", sys, null,
                    place(anyRoom(), 0.4f, 0.15f), el.wall, props("rating", number(items > 200 ? 400 : 225, "A")));
            link(sys + "-k" + ++k, eRiser, panel, "power");
            int circuits = Math.max(1, Math.round(items / 22f));
            int devices = (items - 2 * circuits) / 2;
            String[] circuitIds = new String[circuits];
            for (int i = 0; i < circuits; i++) {
                circuitIds[i] = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "circuit", sys, null,
                        place(anyRoom(), 0.1f, 0.1f), el.wall, props("rating", number(i % 3 == 0 ? 20 : 16, "A")));
                link(sys + "-k" + ++k, panel, circuitIds[i], "power");
            }
            for (int i = 0; i < devices; i++) {
                String kind = LIGHT_KINDS[random.nextInt(LIGHT_KINDS.length)];
                boolean light = kind.equals("light-fixture");
                String device = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, kind, sys, null,
                        light ? place(anyRoom(), 0.3f, 0.6f) : place(anyRoom(), 0.05f, 0.04f),
                        light ? el.ceiling : el.outlet,
                        props("load", number(light ? LIGHT_LOADS[random.nextInt(LIGHT_LOADS.length)] : 180, "W")));
                link(sys + "-k" + ++k, circuitIds[i % circuits], device, "power");
            }
            if ((items - 2 * circuits) % 2 == 1) {
                addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "occupancy-sensor", sys, null,
                        place(anyRoom(), 0.05f, 0.05f), el.ceiling, Properties.EMPTY);
            }
        }

        /** A VAV box fed by the central air handler, feeding supply diffusers; an odd item is a thermostat. */
        void writeMechanical(String zone, int items) {
            String sys = system(prefix + "m", Discipline.MECHANICAL, zone, null);
            int diffusers = items / 2;
            int c = 0;
            int k = 0;
            double[] flows = new double[diffusers];
            double total = 0;
            for (int i = 0; i < diffusers; i++) {
                flows[i] = AIRFLOWS[random.nextInt(AIRFLOWS.length)];
                total += flows[i];
            }
            Bounds hall = corridors.isEmpty() ? bounds : corridors.get(0);
            String vav = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "vav-box", sys, null, place(hall, 0.6f, 0.4f),
                    el.plenum, props("airflow", number(total, "l/s")));
            link(sys + "-k" + ++k, airHandler, vav, "air");
            for (int i = 0; i < diffusers; i++) {
                String d = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "duct-terminal", sys, null,
                        place(anyRoom(), 0.3f, 0.3f), el.ceiling, props("airflow", number(flows[i], "l/s")));
                link(sys + "-k" + ++k, vav, d, "air");
            }
            if (items % 2 == 1) {
                addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "thermostat", sys, null, place(anyRoom(), 0.05f, 0.05f),
                        el.sensor, props("setpoint", number(21, "degC")));
            }
        }

        /** A branch off the floor's riser, feeding fixtures in the restrooms; an odd item is a floor drain. */
        void writePlumbing(String zone, int items) {
            String sys = system(prefix + "p", Discipline.PLUMBING, zone, null);
            int fixtures = items / 2;
            int c = 0;
            int k = 0;
            String branch = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "water-branch", sys, null,
                    place(wetRoom(), 0.5f, 0.05f), el.plenum, props("diameter", number(fixtures > 20 ? 32 : 25, "mm")));
            link(sys + "-k" + ++k, pRiser, branch, "water");
            for (int i = 0; i < fixtures; i++) {
                int t = random.nextInt(PLUMBING_FIXTURES.length);
                String fx = addObject(sys + "-c" + ++c, ObjectType.COMPONENT, PLUMBING_FIXTURES[t], sys, null,
                        place(wetRoom(), 0.25f, 0.3f), el.fixture, props("flow", number(FIXTURE_FLOWS[t], "l/s")));
                link(sys + "-k" + ++k, branch, fx, "water");
            }
            if (items % 2 == 1) {
                addObject(sys + "-c" + ++c, ObjectType.COMPONENT, "floor-drain", sys, null, place(wetRoom(), 0.1f, 0.1f),
                        el.fixture, Properties.EMPTY);
            }
        }

        Bounds anyRoom() {
            if (!rooms.isEmpty()) {
                return rooms.get(random.nextInt(rooms.size()));
            }
            return corridors.isEmpty() ? bounds : corridors.get(0);
        }

        Bounds wetRoom() {
            return restrooms.isEmpty() ? anyRoom() : restrooms.get(random.nextInt(restrooms.size()));
        }

        /** A box of about the given half sizes at a random spot inside {@code room}, shrunk to fit if needed. */
        Bounds place(Bounds room, float halfWidth, float halfDepth) {
            float hw = Math.min(halfWidth, room.width() / 2);
            float hd = Math.min(halfDepth, room.height() / 2);
            float cx = room.minX() + hw + (float) random.nextDouble() * (room.width() - 2 * hw);
            float cy = room.minY() + hd + (float) random.nextDouble() * (room.height() - 2 * hd);
            float x0 = Math.min(room.maxX(), Math.max(room.minX(), round2(cx - hw)));
            float y0 = Math.min(room.maxY(), Math.max(room.minY(), round2(cy - hd)));
            float x1 = Math.min(room.maxX(), Math.max(x0, round2(cx + hw)));
            float y1 = Math.min(room.maxY(), Math.max(y0, round2(cy + hd)));
            return new Bounds(x0, y0, x1, y1);
        }
    }

    // ------------------------------------------------------------------ writing helpers

    private String system(String id, Discipline discipline, String parent, String name) {
        return addObject(id, ObjectType.SYSTEM, discipline.id(), parent, name, null, null, Properties.EMPTY);
    }

    /** Adds an object and returns its id, the instance every child and connection should refer to. */
    private String addObject(String id, ObjectType type, String kind, String parent, String name, Bounds footprint,
            ElevationRange elevation, Properties properties) {
        objects.add(new Change.AddObject(new BuildingObject(id, type, kind, parent, name, footprint, elevation,
                properties)));
        return id;
    }

    private void link(String id, String from, String to, String kind) {
        connections.add(new Change.Connect(new Connection(id, from, to, kind, Properties.EMPTY)));
    }

    private Properties props(String name, PropertyValue value) {
        String key = name + '=' + value;
        return propertySets.computeIfAbsent(key, k -> Properties.of(name, value));
    }

    private Properties props(String n1, PropertyValue v1, String n2, PropertyValue v2) {
        String key = n1 + '=' + v1 + ';' + n2 + '=' + v2;
        return propertySets.computeIfAbsent(key, k -> Properties.of(n1, v1).with(n2, v2));
    }

    private PropertyValue number(double value, String unit) {
        return values.computeIfAbsent("n" + value + unit, k -> PropertyValue.of(value, unit));
    }

    private PropertyValue text(String value) {
        return values.computeIfAbsent("t" + value, k -> PropertyValue.of(value));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static float round2(float v) {
        return Math.round(v * 100) / 100f;
    }
}
