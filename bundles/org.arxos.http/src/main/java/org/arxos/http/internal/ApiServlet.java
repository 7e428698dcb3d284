package org.arxos.http.internal;

import java.io.IOException;
import java.util.Optional;

import org.arxos.api.compress.Compressions;
import org.arxos.api.compute.Calculations;
import org.arxos.api.grouping.HierarchyViews;
import org.arxos.api.io.BuildingExports;
import org.arxos.api.io.BuildingImports;
import org.arxos.api.render.FloorRendering;
import org.arxos.api.security.Principal;
import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON REST API under {@code /api}. Authentication happens here rather than in a filter, so there is no moment
 * in which the servlet is registered and the filter not yet. Every service is looked up through the selector on each
 * request, so a swapped implementation serves from the next request on.
 */
@Component(service = Servlet.class, configurationPid = HttpApiConfiguration.PID)
@Designate(ocd = HttpApiConfiguration.class)
@HttpWhiteboardServletName("arxos-api")
@HttpWhiteboardServletPattern("/api/*")
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient BearerAuthentication authentication;
    private final transient ProblemMapper problems;
    private final transient ResponseWriter writer;
    private final transient ApiDispatcher dispatcher;
    private transient volatile ApiSettings settings;
    /** Calculations are optional: without them the API serves everything else and answers 503 for them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Calculations calculations;

    @Activate
    public ApiServlet(@Reference ImplementationSelector selector, @Reference BuildingImports imports,
            @Reference BuildingExports exports, @Reference HierarchyViews hierarchies,
            @Reference FloorRendering rendering, @Reference Compressions compressions,
            HttpApiConfiguration configuration) {
        ObjectMapper mapper = JsonMapping.create();
        this.settings = ApiSettings.of(configuration);
        this.authentication = new BearerAuthentication(selector);
        this.problems = new ProblemMapper((id, failure) -> LOG.error("internal error {}", id, failure));
        this.writer = new ResponseWriter(mapper);
        this.dispatcher = new ApiDispatcher(selector, imports, exports, hierarchies, rendering, compressions,
                () -> Optional.ofNullable(calculations), mapper, () -> settings, problems);
    }

    @Modified
    void modified(HttpApiConfiguration configuration) {
        settings = ApiSettings.of(configuration);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = ServletApiRequest.pathOf(request);
        RouteMatch match = RouteMatch.of(request.getMethod(), path);
        RequestRoutes.set(request,
                match instanceof RouteMatch.Found found ? found.route().template() : RequestRoutes.UNMATCHED);
        ApiResponse answer;
        try {
            Principal principal = authentication.authenticate(request.getHeader("Authorization"));
            answer = dispatcher.dispatch(match, new ServletApiRequest(request, principal));
        } catch (RuntimeException e) {
            answer = problems.map(e, request.getContextPath() + path);
        }
        try {
            writer.write(answer, request, response);
        } catch (IOException e) {
            if (response.isCommitted()) {
                // Nearly always the client going away mid-download; nothing is left to tell it.
                LOG.debug("{} {}: the response could not be completed: {}", request.getMethod(), path, e.toString());
                return;
            }
            response.reset();
            writer.write(problems.map(e, request.getContextPath() + path), request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                // Rethrown so the container aborts the connection: the client must not take a cut body as complete.
                LOG.warn("{} {}: response failed after it was committed: {}", request.getMethod(), path, e.toString());
                throw e;
            }
            response.reset();
            writer.write(problems.map(e, request.getContextPath() + path), request, response);
        }
    }
}
