package org.arxos.http.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.arxos.api.compress.Compressions;
import org.arxos.api.compute.Calculations;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.io.BuildingExports;
import org.arxos.api.io.BuildingImports;
import org.arxos.api.render.FloorRendering;
import org.arxos.api.selection.ImplementationSelector;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Sends an authenticated request to its endpoint and turns every failure into a problem response. */
final class ApiDispatcher {

    private final Supplier<ApiSettings> settings;
    private final ProblemMapper problems;
    private final BuildingEndpoints buildings;
    private final ImportEndpoints imports;
    private final RevisionEndpoints revisions;
    private final HierarchyEndpoint hierarchy;
    private final RenderEndpoints renders;
    private final ImplementationEndpoints implementations;
    private final CompressionEndpoints compression;
    private final CalculationEndpoints calculations;

    ApiDispatcher(ImplementationSelector selector, BuildingImports imports, BuildingExports exports,
            HierarchyViews hierarchies, FloorRendering rendering, Compressions compressions,
            Supplier<Optional<Calculations>> calculations, ObjectMapper mapper, Supplier<ApiSettings> settings,
            ProblemMapper problems) {
        this.settings = settings;
        this.problems = problems;
        this.buildings = new BuildingEndpoints(selector, imports, mapper);
        this.imports = new ImportEndpoints(imports);
        this.revisions = new RevisionEndpoints(selector, exports);
        this.hierarchy = new HierarchyEndpoint(selector, hierarchies, mapper);
        this.renders = new RenderEndpoints(selector, rendering);
        this.implementations = new ImplementationEndpoints(selector, mapper);
        this.compression = new CompressionEndpoints(selector, compressions);
        this.calculations = new CalculationEndpoints(selector, calculations, mapper);
    }

    ApiResponse dispatch(RouteMatch match, ApiRequest request) {
        try {
            if (match instanceof RouteMatch.Found found) {
                return handle(found, request, settings.get());
            }
            if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
                throw new ProblemException(ProblemType.METHOD_NOT_ALLOWED, request.method() + " is not allowed on "
                        + request.path() + "; allowed: " + String.join(", ", notAllowed.allowed()))
                        .with("allowed", notAllowed.allowed())
                        .withHeader("Allow", String.join(", ", notAllowed.allowed()));
            }
            throw ProblemException.notFound("no endpoint at " + request.method() + " " + request.path());
        } catch (Exception | LinkageError e) {
            return problems.map(e, request.contextPath() + request.path());
        }
    }

    private ApiResponse handle(RouteMatch.Found found, ApiRequest request, ApiSettings settings) throws Exception {
        String id = found.variable("id");
        return switch (found.route()) {
            case LIST_BUILDINGS -> buildings.list(request);
            case CREATE_BUILDING -> buildings.create(request, settings);
            case IMPORT_BUILDING -> imports.importFile(request, settings);
            case GENERATE_BUILDING -> buildings.generate(request, settings);
            case GET_BUILDING -> buildings.get(request, id);
            case DELETE_BUILDING -> buildings.delete(request, id);
            case LIST_REVISIONS -> revisions.history(request, id, settings);
            case GET_REVISION -> revisions.content(request, id, found.variable("revision"));
            case APPLY_CHANGES -> revisions.apply(request, id, settings);
            case GET_HIERARCHY -> hierarchy.get(request, id, settings);
            case LIST_FLOORS -> renders.floors(request, id, settings);
            case RENDER_FLOOR -> renders.render(request, id, found.variable("floor"), settings);
            case GET_TILE -> renders.tile(request, id, found.variable("floor"), found.variable("z"),
                    found.variable("x"), found.variable("tile"), settings);
            case GET_IMPORT -> imports.job(request, found.variable("job"));
            case LIST_IMPLEMENTATIONS -> implementations.list();
            case PIN_IMPLEMENTATION -> implementations.pin(request, found.variable("capability"), settings);
            case UNPIN_IMPLEMENTATION -> implementations.unpin(request, found.variable("capability"));
            case COMPRESSION_STATUS -> compression.status();
            case COMPRESS -> compression.compress(request, settings);
            case DECOMPRESS -> compression.decompress(request, settings);
            case LIST_CALCULATIONS -> calculations.list();
            case RUN_CALCULATION -> calculations.run(request, id, found.variable("calculation"), settings);
            case LIST_JOBS -> calculations.jobs(request);
            case GET_JOB -> calculations.job(request, found.variable("job"));
            case GET_JOB_RESULT -> calculations.result(request, found.variable("job"));
            case CANCEL_JOB -> calculations.cancel(request, found.variable("job"));
        };
    }
}
