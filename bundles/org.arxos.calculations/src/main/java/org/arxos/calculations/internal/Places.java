package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arxos.model.BuildingObject;
import org.arxos.model.Discipline;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;

/**
 * Where every object of a revision is: its floor, its zone and its system. Containers are resolved once and
 * remembered; components, the bulk of a building, are resolved through their parent on demand.
 *
 * <p>The floor comes from the containment tree; an object whose tree has no floor (a component of a building-wide
 * system, as imported IFC distribution elements are) is placed through its {@code containedIn} property (the space
 * or floor the importer recorded), else by elevation: on the floor whose elevation band holds its bottom.
 */
final class Places {

    /** An object's place; any part may be {@code null}. */
    record Place(String floor, String zone, String system) {
        static final Place NOWHERE = new Place(null, null, null);
    }

    private final Revision revision;
    private final Map<String, Place> containers = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final List<BuildingObject> floors;
    /** The floors with an elevation that are storeys (not the made-up site floor), by bottom. */
    private final List<BuildingObject> storeys;
    private final float[] floorBottoms;

    Places(Revision revision) {
        this.revision = revision;
        List<BuildingObject> all = new ArrayList<>();
        String root = revision.root().map(BuildingObject::id).orElse(null);
        if (root != null) {
            for (BuildingObject child : revision.children(root)) {
                if (child.type() == ObjectType.FLOOR) {
                    all.add(child);
                }
            }
        }
        all.sort(Comparator.comparingDouble(Places::bottomOf).thenComparing(BuildingObject::id));
        this.floors = List.copyOf(all);
        // elevation bands come from real storeys only: a made-up site floor spans everything
        this.storeys = floors.stream().filter(f -> !f.kind().equals("site") && f.elevation() != null).toList();
        this.floorBottoms = new float[storeys.size()];
        for (int i = 0; i < floorBottoms.length; i++) {
            floorBottoms[i] = storeys.get(i).elevation().bottom();
        }
    }

    /** The floors, by bottom elevation (unknown last) and then id. */
    List<BuildingObject> floors() {
        return floors;
    }

    /** The distinct bottoms of the storeys with an elevation (not the made-up site floor), ascending. */
    float[] storeyBottoms() {
        // storeys side by side at one elevation (towers, wings) share a band: a repeated bottom would make an empty
        // band between them that still gets slices, and work
        float[] distinct = new float[floorBottoms.length];
        int n = 0;
        for (float bottom : floorBottoms) {
            if (n == 0 || bottom != distinct[n - 1]) {
                distinct[n++] = bottom;
            }
        }
        return Arrays.copyOf(distinct, n);
    }

    /** The floor nearest the datum, where doors to the outside are (the first such floor when several tie). */
    BuildingObject entranceFloor() {
        BuildingObject best = null;
        for (BuildingObject floor : storeys) {
            if (best == null || Math.abs(floor.elevation().bottom()) < Math.abs(best.elevation().bottom())) {
                best = floor;
            }
        }
        return best != null ? best : floors.isEmpty() ? null : floors.get(0);
    }

    Place of(BuildingObject o) {
        if (o.type() != ObjectType.COMPONENT) {
            Place known = containers.get(o.id());
            if (known == null) {
                known = resolve(o);
                containers.put(o.id(), known);
            }
            return known;
        }
        return resolve(o);
    }

    private Place resolve(BuildingObject o) {
        switch (o.type()) {
            case BUILDING:
                return Place.NOWHERE;
            case FLOOR:
                return new Place(o.id(), null, null);
            default:
                break;
        }
        if (!resolving.add(o.id())) {
            return Place.NOWHERE; // a containedIn cycle: give up on this branch
        }
        try {
            Place parent = revision.find(o.parentId()).map(this::of).orElse(Place.NOWHERE);
            String floor = parent.floor();
            String zone = parent.zone();
            Place located = containedIn(o);
            if (located != null && located.floor() != null) {
                floor = located.floor();
                zone = located.zone();
            }
            if (floor == null && o.elevation() != null) {
                floor = floorAt(o.elevation().bottom());
            }
            return new Place(floor, o.type() == ObjectType.ZONE ? o.id() : zone,
                    o.type() == ObjectType.SYSTEM ? o.id() : parent.system());
        } finally {
            resolving.remove(o.id());
        }
    }

    private Place containedIn(BuildingObject o) {
        if (o.properties().get("containedIn").orElse(null) instanceof PropertyValue.Text t && !t.value().equals(o.id())) {
            BuildingObject container = revision.find(t.value()).orElse(null);
            if (container != null && container.type() != ObjectType.COMPONENT) {
                Place place = of(container);
                return container.type() == ObjectType.SPACE || container.type() == ObjectType.FLOOR
                        || container.type() == ObjectType.ZONE ? place : null;
            }
        }
        return null;
    }

    /** The storey whose band [bottom, next bottom) holds the elevation; the lowest for anything below it. */
    private String floorAt(float elevation) {
        if (storeys.isEmpty()) {
            return null;
        }
        int at = 0;
        for (int i = 1; i < storeys.size(); i++) {
            if (floorBottoms[i] <= elevation) {
                at = i;
            }
        }
        return storeys.get(at).id();
    }

    /**
     * The component's discipline: its nearest system's kind when that names a discipline, else what its kind says
     * (the IFC classes of distribution elements, structural members), else architectural.
     */
    String discipline(BuildingObject component) {
        Place place = of(component);
        if (place.system() != null) {
            String kind = revision.find(place.system()).map(BuildingObject::kind).orElse("");
            if (Discipline.of(kind).isPresent()) {
                return kind;
            }
        }
        return disciplineOfKind(component.kind()).id();
    }

    static Discipline disciplineOfKind(String kind) {
        return switch (kind) {
            case "panel", "circuit", "switchboard", "light-fixture", "receptacle", "occupancy-sensor",
                    "ifclightfixture", "ifclamp", "ifcoutlet", "ifcelectricappliance", "ifcelectricdistributionboard",
                    "ifcswitchingdevice", "ifccablesegment", "ifccablefitting", "ifccablecarriersegment",
                    "ifccablecarrierfitting", "ifcjunctionbox", "ifcprotectivedevice", "ifctransformer",
                    "ifcelectricgenerator", "ifcelectricmotor", "ifcaudiovisualappliance",
                    "ifccommunicationsappliance" -> Discipline.ELECTRICAL;
            case "air-handler", "vav-box", "duct-terminal", "thermostat", "ifcairterminal", "ifcairterminalbox",
                    "ifcductsegment", "ifcductfitting", "ifcductsilencer", "ifcdamper", "ifcfan", "ifcfilter",
                    "ifcunitaryequipment", "ifcspaceheater", "ifcboiler", "ifcchiller", "ifccoil", "ifccoolingtower",
                    "ifcheatexchanger", "ifchumidifier", "ifcairtoairheatrecovery", "ifcstackterminal",
                    "ifcflowterminal" -> Discipline.MECHANICAL;
            case "water-main", "water-branch", "lavatory", "water-closet", "urinal", "floor-drain", "ifcpipesegment",
                    "ifcpipefitting", "ifcsanitaryterminal", "ifcwasteterminal", "ifcvalve", "ifcpump", "ifctank",
                    "ifcinterceptor" -> Discipline.PLUMBING;
            case "ifcfiresuppressionterminal", "ifcalarm" -> Discipline.LIFE_SAFETY;
            case "ifcbeam", "ifccolumn", "ifcfooting", "ifcpile", "ifcmember", "ifcplate", "ifcslab",
                    "ifcreinforcingbar", "ifcreinforcingmesh", "ifctendon" -> Discipline.STRUCTURAL;
            default -> Discipline.ARCHITECTURAL;
        };
    }

    private static double bottomOf(BuildingObject floor) {
        return floor.elevation() == null ? Double.MAX_VALUE : floor.elevation().bottom();
    }
}
