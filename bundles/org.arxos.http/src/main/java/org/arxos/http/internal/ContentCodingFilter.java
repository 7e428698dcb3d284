package org.arxos.http.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.arxos.compress.ContentCoding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP content codings for the API, /metrics and /health: responses are coded as the request's
 * {@code Accept-Encoding} prefers (zstd, gzip, deflate; see {@link CodedResponse} for when), and request bodies sent
 * with {@code Content-Encoding} gzip, deflate, br or zstd are decoded for the servlet, under an expansion limit. A
 * coding the API does not know is refused with 415 before the servlet runs. Ranked below the metrics filter, which
 * thus times the coding too.
 */
@Component(service = Filter.class, configurationPid = ContentCodingConfiguration.PID)
@Designate(ocd = ContentCodingConfiguration.class)
@HttpWhiteboardFilterName("arxos-content-coding")
@HttpWhiteboardFilterPattern({"/api/*", "/metrics", "/health"})
public final class ContentCodingFilter implements Filter {

    /** The codings a request body may have, for the {@code Accept-Encoding} of a 415 (RFC 9110 section 12.5.3). */
    static final String DECODED = "zstd, br, gzip, deflate";

    private static final Logger LOG = LoggerFactory.getLogger(ContentCodingFilter.class);

    private final ResponseWriter problemWriter = new ResponseWriter(JsonMapping.create());
    private final ProblemMapper problems = new ProblemMapper((id, failure) -> LOG.error("internal error {}", id,
            failure));
    private volatile ContentCodingSettings settings;

    @Activate
    public ContentCodingFilter(ContentCodingConfiguration configuration) {
        this(ContentCodingSettings.of(configuration));
    }

    ContentCodingFilter(ContentCodingSettings settings) {
        this.settings = settings;
    }

    @Modified
    void modified(ContentCodingConfiguration configuration) {
        settings = ContentCodingSettings.of(configuration);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        ContentCodingSettings current = settings;
        List<ContentCoding> applied;
        try {
            applied = ContentCoding.parseContentEncoding(request.getHeader("Content-Encoding"));
        } catch (IllegalArgumentException e) {
            refuse(request, response, e.getMessage());
            return;
        }
        HttpServletRequest decoded = applied.isEmpty() ? request : new DecodedRequest(request,
                current.requestLimits());
        // A client that refuses every coding we have, identity included, still gets identity (RFC 9110 12.5.3
        // allows ignoring the header): a 406 for a request that has already done its work would help nobody.
        ContentCoding accepted = ContentCoding.negotiate(request.getHeader("Accept-Encoding"))
                .orElse(ContentCoding.IDENTITY);
        CodedResponse coded = new CodedResponse(response, accepted, current, request.getHeader("If-None-Match"));
        boolean completed = false;
        try {
            chain.doFilter(decoded, coded);
            coded.finish();
            completed = true;
        } finally {
            if (!completed) {
                coded.abandon();
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String problem)
            throws IOException {
        String instance = request.getContextPath() + ServletApiRequest.pathOf(request);
        ProblemException unsupported = new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, problem
                + "; request bodies may be coded with " + DECODED)
                .with("acceptedEncodings", Arrays.asList(DECODED.split(", ")))
                .withHeader("Accept-Encoding", DECODED);
        problemWriter.write(problems.map(unsupported, instance), request, response);
    }
}
