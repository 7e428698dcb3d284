package org.arxos.calculations.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.api.compute.ComputeTask;
import org.arxos.calculations.EgressResult;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.geometry.Bounds;
import org.osgi.service.component.annotations.Component;

/**
 * Egress: the shortest walking distance from every space to an exit of its floor, one floor per task. The graph of a
 * floor (see {@link FloorGraph}) joins spaces through doors, or where a floor has no doors through the openings of
 * shared walls; exits are stairs (stair spaces, and stair components on the storeys they start on and lead to),
 * spaces marked as exits, and doors to the outside.
 */
@Component(service = Calculation.class, property = "arxos.impl=egress")
public final class EgressCalculation implements Calculation<EgressResult> {

    static final String NAME = "egress";

    /** Metres above a stair's top where the storey it leads to may begin. */
    static final float LANDING = 0.5f;

    /**
     * One floor: its spaces (closed outlines; bounds as rectangles), doors and stair components (boxes
     * {@code minX, minY, maxX, maxY}), as indices into the calculation's list of ids.
     *
     * @param useDoors  join spaces through doors (else through shared walls)
     * @param entrance  the entrance floor: a door touching one space only leads outside
     * @param exitSpace spaces that are exits themselves (stairs, marked exits)
     * @param external  doors marked as leading outside
     */
    record Floor(boolean useDoors, boolean entrance, int[] spaces, float[][] outlines, boolean[] exitSpace,
            int[] doors, float[] doorBoxes, boolean[] external, int[] stairs, float[] stairBoxes)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * Per space of the floor, in the floor's order: metres to the nearest exit (NaN when none is reachable), the
     * exit's index (-1 for none) and the openings passed.
     */
    record Routes(double[] distance, int[] exit, int[] openings) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * @param reach   how far a door or stair may be from a space's outline and still open into it; also how far
     *                apart two walls may be and count as shared (metres)
     * @param opening the shortest shared wall that counts as an opening (metres)
     */
    record Task(double reach, double opening) implements ComputeTask<Floor, Routes> {

        private static final long serialVersionUID = 1L;

        @Override
        public Routes apply(Floor floor) {
            return new FloorGraph(floor, reach, opening).shortestRoutes();
        }
    }

    @Override
    public String description() {
        return "Egress: shortest walking distance from every space to an exit of its floor (stairs, exit spaces, "
                + "doors to the outside), over doors or, with 'graph'=adjacency or on floors without doors, openings "
                + "in shared walls of at least 'opening' metres (default 0.8); 'reach' (default 0.3 m) is how far a "
                + "door may be from a space.";
    }

    @Override
    public Class<EgressResult> resultType() {
        return EgressResult.class;
    }

    @Override
    public EgressResult calculate(CalculationContext context) throws Exception {
        Parameters parameters = new Parameters(NAME, context.parameters(), Set.of("graph", "reach", "opening"));
        String graph = parameters.choice("graph", "auto", Set.of("auto", "doors", "adjacency"));
        double reach = parameters.number("reach", 0.3, 0, 2);
        double opening = parameters.number("opening", 0.8, 0, 10);

        Revision revision = context.revision();
        Places places = new Places(revision);
        Map<String, List<BuildingObject>> spaces = new HashMap<>();
        Map<String, List<BuildingObject>> doors = new HashMap<>();
        Map<String, List<BuildingObject>> stairs = new HashMap<>();
        for (BuildingObject o : (Iterable<BuildingObject>) revision.objects()::iterator) {
            String floor = o.type() == ObjectType.SPACE || o.type() == ObjectType.COMPONENT ? places.of(o).floor()
                    : null;
            if (floor == null) {
                continue;
            }
            if (o.type() == ObjectType.SPACE) {
                spaces.computeIfAbsent(floor, k -> new ArrayList<>()).add(o);
            } else if (o.footprint() != null && o.kind().contains("door")) {
                doors.computeIfAbsent(floor, k -> new ArrayList<>()).add(o);
            } else if (o.footprint() != null && o.kind().contains("stair")) {
                stairs.computeIfAbsent(floor, k -> new ArrayList<>()).add(o);
                for (BuildingObject above : storeysReached(places, o)) {
                    stairs.computeIfAbsent(above.id(), k -> new ArrayList<>()).add(o);
                }
            }
        }
        Distribution.checkCancelled(context);

        BuildingObject entrance = places.entranceFloor();
        List<String> ids = new ArrayList<>();
        List<String> floorIds = new ArrayList<>();
        List<Floor> slices = new ArrayList<>();
        for (BuildingObject floor : places.floors()) {
            List<BuildingObject> floorSpaces = spaces.getOrDefault(floor.id(), List.of()).stream()
                    .filter(s -> s.footprint() != null).sorted(Comparator.comparing(BuildingObject::id)).toList();
            if (floorSpaces.isEmpty()) {
                continue;
            }
            List<BuildingObject> floorDoors = doors.getOrDefault(floor.id(), List.of());
            boolean useDoors = graph.equals("doors") || (graph.equals("auto") && !floorDoors.isEmpty());
            floorIds.add(floor.id());
            slices.add(slice(ids, floorSpaces, floorDoors,
                    stairs.getOrDefault(floor.id(), List.of()), useDoors, floor == entrance));
        }
        context.progress(0.1);

        List<Routes> routes = Distribution.map(context, slices, new Task(reach, opening), 0.1, 0.95);

        List<EgressResult.Space> result = new ArrayList<>();
        int reachable = 0;
        double longest = 0;
        for (BuildingObject floor : places.floors()) {
            int at = floorIds.indexOf(floor.id());
            List<EgressResult.Space> onFloor = new ArrayList<>();
            if (at >= 0) {
                Floor slice = slices.get(at);
                Routes r = routes.get(at);
                for (int i = 0; i < slice.spaces().length; i++) {
                    boolean reached = !Double.isNaN(r.distance()[i]);
                    double metres = reached ? Math.round(r.distance()[i] * 1000) / 1000.0 : 0;
                    onFloor.add(new EgressResult.Space(ids.get(slice.spaces()[i]), floor.id(),
                            reached ? metres : null, reached ? ids.get(r.exit()[i]) : null, r.openings()[i]));
                    if (reached) {
                        reachable++;
                        longest = Math.max(longest, metres);
                    }
                }
            }
            for (BuildingObject space : spaces.getOrDefault(floor.id(), List.of())) {
                if (space.footprint() == null) {
                    onFloor.add(new EgressResult.Space(space.id(), floor.id(), null, null, 0));
                }
            }
            onFloor.sort(Comparator.comparing(EgressResult.Space::space));
            result.addAll(onFloor);
        }
        context.progress(1);
        return new EgressResult(graph, reachable, result.size() - reachable, longest, result);
    }

    /**
     * The storeys above its own that a stair leads to: those whose bottom lies within its elevation range, or up to
     * {@value #LANDING} m above its top (a flight often ends just below the next storey's datum).
     */
    private static List<BuildingObject> storeysReached(Places places, BuildingObject stair) {
        if (stair.elevation() == null) {
            return List.of();
        }
        return places.floors().stream().filter(f -> !f.kind().equals("site") && f.elevation() != null
                && f.elevation().bottom() > stair.elevation().bottom()
                && f.elevation().bottom() <= stair.elevation().top() + LANDING).toList();
    }

    private static Floor slice(List<String> ids, List<BuildingObject> spaces, List<BuildingObject> doors,
            List<BuildingObject> stairs, boolean useDoors, boolean entrance) {
        int[] spaceIndex = new int[spaces.size()];
        float[][] outlines = new float[spaces.size()][];
        boolean[] exitSpace = new boolean[spaces.size()];
        for (int i = 0; i < spaceIndex.length; i++) {
            BuildingObject s = spaces.get(i);
            spaceIndex[i] = add(ids, s.id());
            float[] outline = PlanGeometry.outline(s.footprint());
            Bounds b = s.footprint().bounds();
            outlines[i] = outline != null && outline.length >= 6 ? outline
                    : PlanGeometry.rectangle(b.minX(), b.minY(), b.maxX(), b.maxY());
            exitSpace[i] = isExitSpace(s);
        }
        int[] doorIndex = new int[doors.size()];
        float[] doorBoxes = new float[4 * doors.size()];
        boolean[] external = new boolean[doors.size()];
        for (int i = 0; i < doorIndex.length; i++) {
            BuildingObject d = doors.get(i);
            doorIndex[i] = add(ids, d.id());
            box(d, doorBoxes, i);
            external[i] = leadsOutside(d);
        }
        int[] stairIndex = new int[stairs.size()];
        float[] stairBoxes = new float[4 * stairs.size()];
        for (int i = 0; i < stairIndex.length; i++) {
            stairIndex[i] = add(ids, stairs.get(i).id());
            box(stairs.get(i), stairBoxes, i);
        }
        return new Floor(useDoors, entrance, spaceIndex, outlines, exitSpace, doorIndex, doorBoxes, external,
                stairIndex, stairBoxes);
    }

    private static int add(List<String> ids, String id) {
        ids.add(id);
        return ids.size() - 1;
    }

    private static void box(BuildingObject o, float[] boxes, int i) {
        Bounds b = o.footprint().bounds();
        boxes[4 * i] = b.minX();
        boxes[4 * i + 1] = b.minY();
        boxes[4 * i + 2] = b.maxX();
        boxes[4 * i + 3] = b.maxY();
    }

    /** A stair (by kind or {@code use}), or a space whose {@code exit} flag is set. */
    static boolean isExitSpace(BuildingObject space) {
        String use = space.properties().get("use").orElse(null) instanceof PropertyValue.Text t ? t.value() : "";
        return space.kind().contains("stair") || use.toLowerCase(Locale.ROOT).contains("stair")
                || flag(space, "exit");
    }

    /** Marked as leading outside: an {@code exit} flag, or an IFC {@code ...IsExternal} flag set. */
    static boolean leadsOutside(BuildingObject door) {
        if (flag(door, "exit")) {
            return true;
        }
        for (int i = 0; i < door.properties().size(); i++) {
            if (door.properties().nameAt(i).endsWith("IsExternal")
                    && door.properties().valueAt(i) instanceof PropertyValue.Flag f && f.value()) {
                return true;
            }
        }
        return false;
    }

    private static boolean flag(BuildingObject o, String name) {
        return o.properties().get(name).orElse(null) instanceof PropertyValue.Flag f && f.value();
    }
}
