package org.arxos.http.internal;

import java.io.IOException;
import java.util.Set;

/** Opens request bodies under the configured size limit and checks their media type. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** @throws ProblemException 413 when the declared length is already over the limit */
    static BodyLimitInputStream open(ApiRequest request, long maxBodyBytes) throws IOException {
        long declared = request.contentLength();
        if (declared > maxBodyBytes) {
            throw new ProblemException(ProblemType.BODY_TOO_LARGE,
                    "body exceeds the limit of " + maxBodyBytes + " bytes (Content-Length " + declared + ")")
                    .with("limit", maxBodyBytes);
        }
        return new BodyLimitInputStream(request.body(), maxBodyBytes);
    }

    /**
     * Accepts a missing Content-Type, {@code application/json}, any {@code +json} type and the listed ones.
     *
     * @throws ProblemException 415 otherwise
     */
    static void requireJson(ApiRequest request, Set<String> alsoAccepted) {
        String essence = MediaTypes.essence(request.contentType());
        if (essence != null && !MediaTypes.isJson(essence) && !alsoAccepted.contains(essence)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "this endpoint reads JSON (application/json) but the body is '" + essence + "'")
                    .with("accepted", MediaTypes.JSON);
        }
    }
}
