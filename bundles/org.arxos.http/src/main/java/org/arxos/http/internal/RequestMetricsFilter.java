package org.arxos.http.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Times every request of the default context and counts it by method, route template and status. Ranked high so it
 * wraps other filters and sees their answers too.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("arxos-request-metrics")
@HttpWhiteboardFilterPattern("/*")
@ServiceRanking(1000)
public final class RequestMetricsFilter implements Filter {

    /** Anything else becomes "other", so a client cannot grow the label set without bound. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final HttpMetrics metrics;

    @Activate
    public RequestMetricsFilter(@Reference HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed && !response.isCommitted() ? 500 : ((HttpServletResponse) response).getStatus();
            metrics.record(method((HttpServletRequest) request), RequestRoutes.of(request), status,
                    System.nanoTime() - start);
        }
    }

    private static String method(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        return METHODS.contains(method) ? method : "other";
    }
}
