package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.calculations.TakeoffResult;
import org.arxos.calculations.TakeoffResult.Row;
import org.arxos.model.BuildingObject;
import org.arxos.model.ObjectType;
import org.osgi.service.component.annotations.Component;

/**
 * Quantity takeoff: counts, lengths, areas and volumes of spaces and components per floor, zone, system and kind.
 * One pass over the revision, done where the job runs: the work per object is a few multiplications, less than
 * shipping the object to another node would cost.
 */
@Component(service = Calculation.class, property = "arxos.impl=takeoff")
public final class TakeoffCalculation implements Calculation<TakeoffResult> {

    static final String NAME = "takeoff";

    private static final List<String> DIMENSIONS = List.of("floor", "zone", "system", "kind");

    private static final int PROGRESS_EVERY = 16_384;

    @Override
    public String description() {
        return "Quantity takeoff: count, length, area and volume of spaces and components, grouped by 'groupBy' "
                + "(comma-separated, of floor, zone, system, kind; default all four).";
    }

    @Override
    public Class<TakeoffResult> resultType() {
        return TakeoffResult.class;
    }

    @Override
    public TakeoffResult calculate(CalculationContext context) throws Exception {
        Parameters parameters = new Parameters(NAME, context.parameters(), Set.of("groupBy"));
        List<String> asked = parameters.names("groupBy", DIMENSIONS, Set.copyOf(DIMENSIONS));
        List<String> groupBy = DIMENSIONS.stream().filter(asked::contains).toList();
        boolean byFloor = groupBy.contains("floor");
        boolean byZone = groupBy.contains("zone");
        boolean bySystem = groupBy.contains("system");
        boolean byKind = groupBy.contains("kind");

        Places places = new Places(context.revision());
        Map<Row, Sum> sums = new TreeMap<>(TakeoffCalculation::compare);
        Sum total = new Sum();
        int seen = 0;
        int objects = Math.max(1, context.revision().objectCount());
        for (BuildingObject o : (Iterable<BuildingObject>) context.revision().objects()::iterator) {
            if (++seen % PROGRESS_EVERY == 0) {
                Distribution.checkCancelled(context);
                context.progress((double) seen / objects);
            }
            if (o.type() != ObjectType.SPACE && o.type() != ObjectType.COMPONENT) {
                continue;
            }
            Places.Place place = places.of(o);
            Row key = new Row(byFloor ? orEmpty(place.floor()) : "", byZone ? orEmpty(place.zone()) : "",
                    bySystem ? orEmpty(place.system()) : "", o.type().id(), byKind ? o.kind() : "", 0, 0, 0, 0);
            Sum sum = sums.computeIfAbsent(key, k -> new Sum());
            sum.add(o);
            total.add(o);
        }
        List<Row> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(sum.row(key.floor(), key.zone(), key.system(), key.type(), key.kind())));
        context.progress(1);
        return new TakeoffResult(groupBy, rows, total.row("", "", "", "", ""));
    }

    private static int compare(Row a, Row b) {
        int c = a.floor().compareTo(b.floor());
        c = c != 0 ? c : a.zone().compareTo(b.zone());
        c = c != 0 ? c : a.system().compareTo(b.system());
        c = c != 0 ? c : a.type().compareTo(b.type());
        return c != 0 ? c : a.kind().compareTo(b.kind());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Quantities summed in the revision's order. */
    private static final class Sum {
        long count;
        double length;
        double area;
        double volume;

        void add(BuildingObject o) {
            count++;
            if (o.footprint() == null) {
                return;
            }
            double a = PlanGeometry.area(o.footprint());
            length += PlanGeometry.length(o.footprint());
            area += a;
            if (o.elevation() != null) {
                volume += a * o.elevation().height();
            }
        }

        Row row(String floor, String zone, String system, String type, String kind) {
            return new Row(floor, zone, system, type, kind, count, length, area, volume);
        }
    }
}
