package org.arxos.http.internal;

/** The kinds of error the API answers with, each a problem type URI (RFC 9457) with its status and title. */
enum ProblemType {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    CORRUPT_DATA(400, "corrupt-data", "Corrupt compressed data"),
    INVALID_DOCUMENT(400, "invalid-document", "Invalid document"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Insufficient role"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    BUILDING_EXISTS(409, "building-exists", "Building exists"),
    CONCURRENT_CHANGE(409, "concurrent-change", "Concurrent change"),
    JOB_CANCELLED(409, "job-cancelled", "Job cancelled"),
    JOB_ENDED(409, "job-ended", "Job already ended"),
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    DECOMPRESSION_LIMIT(413, "decompression-limit", "Decompression limit exceeded"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    CHANGE_REJECTED(422, "change-rejected", "Change rejected by the model"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    JOB_FAILED(500, "job-failed", "Calculation job failed"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private static final String PREFIX = "urn:arxos:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    int status() {
        return status;
    }

    String uri() {
        return PREFIX + slug;
    }

    String title() {
        return title;
    }
}
