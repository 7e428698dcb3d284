package org.arxos.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.arxos.api.selection.ImplementationSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /metrics} with a bearer token: Prometheus text format 0.0.4. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("arxos-metrics")
@HttpWhiteboardServletPattern("/metrics")
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    private final transient HttpMetrics metrics;
    private final transient BearerAuthentication authentication;
    private final transient ResponseWriter writer = new ResponseWriter(JsonMapping.create());
    private final transient ProblemMapper problems = new ProblemMapper(
            (id, failure) -> LOG.error("internal error {}", id, failure));

    @Activate
    public MetricsServlet(@Reference HttpMetrics metrics, @Reference ImplementationSelector selector) {
        this.metrics = metrics;
        this.authentication = new BearerAuthentication(selector);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestRoutes.set(request, "/metrics");
        String instance = request.getContextPath() + ServletApiRequest.pathOf(request);
        try {
            authentication.authenticate(request.getHeader("Authorization"));
            if (!request.getMethod().equals("GET")) {
                throw new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                        request.getMethod() + " is not allowed on /metrics; allowed: GET").withHeader("Allow", "GET")
                        .with("allowed", List.of("GET"));
            }
        } catch (RuntimeException e) {
            writer.write(problems.map(e, instance), request, response);
            return;
        }
        writer.write(new ApiResponse.Streamed(200, HttpMetrics.CONTENT_TYPE, this::writeMetrics,
                Map.of("Cache-Control", "no-store")), request, response);
    }

    private void writeMetrics(OutputStream out) throws IOException {
        metrics.write(out);
    }
}
