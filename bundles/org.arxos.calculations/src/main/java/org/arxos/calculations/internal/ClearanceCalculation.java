package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.calculations.ClearanceResult;
import org.arxos.calculations.internal.PairSearch.Criterion;
import org.arxos.calculations.internal.PairSearch.Items;
import org.arxos.calculations.internal.PairSearch.Slice;
import org.arxos.calculations.internal.PairSearch.Tally;
import org.arxos.calculations.internal.PairSearch.Task;
import org.osgi.service.component.annotations.Component;

/**
 * All-pairs clearance: every pair of components closer than a distance in 3D. The work per slice grows with the
 * distance (the neighbours each component is measured against) while the data per slice grows only with the
 * halo, so {@code distance} tunes how compute-heavy a slice is and {@code tile} how many slices there are.
 */
@Component(service = Calculation.class, property = "arxos.impl=clearance")
public final class ClearanceCalculation implements Calculation<ClearanceResult> {

    static final String NAME = "clearance";

    @Override
    public String description() {
        return "All-pairs clearance: every pair of components closer than 'distance' metres in 3D (box or polygon "
                + "footprints extruded over their elevations; default 0.5, up to 50), split by storey and "
                + "'tile'-metre tiles (default 20), listing the 'limit' closest pairs (default 1000).";
    }

    @Override
    public Class<ClearanceResult> resultType() {
        return ClearanceResult.class;
    }

    @Override
    public ClearanceResult calculate(CalculationContext context) throws Exception {
        Parameters parameters = new Parameters(NAME, context.parameters(), Set.of("distance", "tile", "limit"));
        double distance = parameters.positive("distance", 0.5, 0, 50);
        double tile = parameters.number("tile", 20, 1, 10_000);
        int limit = parameters.integer("limit", 1000, 0, 100_000);

        Places places = new Places(context.revision());
        Items items = PairSearch.collect(context.revision(), places, d -> true);
        Distribution.checkCancelled(context);
        float[] bands = places.storeyBottoms();
        List<Slice> slices = PairSearch.slices(items, distance, tile, bands);
        context.progress(0.1);
        Task task = new Task(Criterion.CLEARANCE, distance, distance, tile, bands, items.disciplineNames().size(),
                limit);
        Tally tally = PairSearch.run(context, slices, task);

        List<ClearanceResult.Pair> closest = new ArrayList<>(tally.first().length);
        for (int i = 0; i < tally.first().length; i++) {
            closest.add(new ClearanceResult.Pair(items.ids().get(tally.first()[i]), items.ids().get(tally.second()[i]),
                    PairSearch.tenthOfMillimetre(tally.measure()[i])));
        }
        context.progress(1);
        return new ClearanceResult(distance, tile, items.size(), items.skipped(), slices.size(), tally.count(),
                PairSearch.byDisciplines(tally, items.disciplineNames()), closest);
    }
}
