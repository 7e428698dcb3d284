package org.arxos.http.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.arxos.api.health.HealthContributor;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /health}, without a token: the aggregate of every {@link HealthContributor}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("arxos-health")
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);

    private record Contributor(String name, HealthContributor contributor) {
    }

    private final transient Map<Long, Contributor> contributors = new ConcurrentSkipListMap<>();
    private final transient ExecutorService executor;
    private final transient HealthAggregator aggregator;
    private final transient ResponseWriter writer = new ResponseWriter(JsonMapping.create());
    private final transient ProblemMapper problems = new ProblemMapper(
            (id, failure) -> LOG.error("internal error {}", id, failure));

    @Activate
    public HealthServlet() {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "arxos-health-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        aggregator = new HealthAggregator(CHECK_TIMEOUT, executor);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(HealthContributor contributor, Map<String, Object> properties) {
        long serviceId = ((Number) properties.get(Constants.SERVICE_ID)).longValue();
        Object name = properties.get(HealthContributor.NAME);
        contributors.put(serviceId, new Contributor(
                name == null || name.toString().isBlank() ? "service-" + serviceId : name.toString(), contributor));
    }

    void removeContributor(HealthContributor contributor, Map<String, Object> properties) {
        contributors.remove(((Number) properties.get(Constants.SERVICE_ID)).longValue());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestRoutes.set(request, "/health");
        String instance = request.getContextPath() + ServletApiRequest.pathOf(request);
        if (!request.getMethod().equals("GET")) {
            writer.write(problems.map(new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not allowed on /health; allowed: GET").withHeader("Allow", "GET")
                    .with("allowed", List.of("GET")), instance), request, response);
            return;
        }
        HealthReport report = aggregator.check(byName());
        writer.write(new ApiResponse.Json(report.httpStatus(), report.document(),
                Map.of("Cache-Control", "no-store")), request, response);
    }

    /** Contributors by name; a name registered twice gets the service id appended the second time. */
    private Map<String, HealthContributor> byName() {
        Map<String, HealthContributor> byName = new TreeMap<>();
        contributors.forEach((serviceId, c) -> {
            String name = byName.containsKey(c.name()) ? c.name() + "#" + serviceId : c.name();
            byName.put(name, c.contributor());
        });
        return byName;
    }
}
