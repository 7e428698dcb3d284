package org.arxos.http.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The default servlet of the default context: a problem document instead of the container's HTML page for paths no
 * one serves. Ranked low so any other bundle's servlet or resources at {@code /} take precedence.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("arxos-not-found")
@HttpWhiteboardServletPattern("/")
@ServiceRanking(-1000)
public final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ResponseWriter writer = new ResponseWriter(JsonMapping.create());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = ServletApiRequest.pathOf(request);
        Problem problem = new Problem(ProblemType.NOT_FOUND, "no endpoint at " + request.getMethod() + " " + path,
                request.getContextPath() + path, Map.of());
        writer.write(new ApiResponse.ProblemResponse(problem, Map.of()), request, response);
    }
}
