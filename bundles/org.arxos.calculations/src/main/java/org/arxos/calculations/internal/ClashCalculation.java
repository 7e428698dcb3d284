package org.arxos.calculations.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.arxos.api.compute.Calculation;
import org.arxos.api.compute.CalculationContext;
import org.arxos.calculations.ClashResult;
import org.arxos.calculations.internal.PairSearch.Criterion;
import org.arxos.calculations.internal.PairSearch.Items;
import org.arxos.calculations.internal.PairSearch.Slice;
import org.arxos.calculations.internal.PairSearch.Tally;
import org.arxos.calculations.internal.PairSearch.Task;
import org.arxos.model.Discipline;
import org.osgi.service.component.annotations.Component;

/**
 * Clash detection between disciplines: components of different disciplines whose footprints and elevation ranges
 * overlap by more than a tolerance, searched per storey band and tile like clearance, without a halo.
 */
@Component(service = Calculation.class, property = "arxos.impl=clash")
public final class ClashCalculation implements Calculation<ClashResult> {

    static final String NAME = "clash";

    private static final Set<String> DISCIPLINES = Arrays.stream(Discipline.values()).map(Discipline::id)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public String description() {
        return "Clashes between disciplines: components of different disciplines overlapping by more than "
                + "'tolerance' metres on every axis (default 0.01, up to 1), polygon footprints intersecting; "
                + "'disciplines' limits the check (comma-separated), 'tile' sets the slice size (default 20 m), "
                + "'limit' the deepest clashes listed (default 1000).";
    }

    @Override
    public Class<ClashResult> resultType() {
        return ClashResult.class;
    }

    @Override
    public ClashResult calculate(CalculationContext context) throws Exception {
        Parameters parameters = new Parameters(NAME, context.parameters(),
                Set.of("tolerance", "disciplines", "tile", "limit"));
        double tolerance = parameters.number("tolerance", 0.01, 0, 1);
        List<String> disciplines = parameters.names("disciplines", List.copyOf(DISCIPLINES), DISCIPLINES);
        double tile = parameters.number("tile", 20, 1, 10_000);
        int limit = parameters.integer("limit", 1000, 0, 100_000);

        Places places = new Places(context.revision());
        Items items = PairSearch.collect(context.revision(), places, disciplines::contains);
        Distribution.checkCancelled(context);
        float[] bands = places.storeyBottoms();
        List<Slice> slices = PairSearch.slices(items, 0, tile, bands);
        context.progress(0.1);
        Task task = new Task(Criterion.CLASH, tolerance, 0, tile, bands, items.disciplineNames().size(), limit);
        Tally tally = PairSearch.run(context, slices, task);

        List<ClashResult.Clash> listed = new ArrayList<>(tally.first().length);
        for (int i = 0; i < tally.first().length; i++) {
            int a = tally.first()[i];
            int b = tally.second()[i];
            listed.add(new ClashResult.Clash(items.ids().get(a), items.ids().get(b),
                    items.disciplineNames().get(items.disciplines()[a]),
                    items.disciplineNames().get(items.disciplines()[b]), PairSearch.tenthOfMillimetre(-tally.measure()[i])));
        }
        context.progress(1);
        return new ClashResult(tolerance, items.size(), items.skipped(), slices.size(), tally.count(),
                PairSearch.byDisciplines(tally, items.disciplineNames()), listed);
    }
}
