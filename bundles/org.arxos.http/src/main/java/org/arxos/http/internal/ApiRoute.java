package org.arxos.http.internal;

import java.util.List;

/**
 * Every endpoint under {@code /api}: method and path template. Listed most specific first, so a literal segment
 * ({@code /api/buildings/import}) wins over a variable one ({@code /api/buildings/{id}}) for the same method.
 */
enum ApiRoute {
    LIST_BUILDINGS("GET", "/api/buildings"),
    CREATE_BUILDING("POST", "/api/buildings"),
    IMPORT_BUILDING("POST", "/api/buildings/import"),
    GENERATE_BUILDING("POST", "/api/buildings/generate"),
    GET_BUILDING("GET", "/api/buildings/{id}"),
    DELETE_BUILDING("DELETE", "/api/buildings/{id}"),
    LIST_REVISIONS("GET", "/api/buildings/{id}/revisions"),
    GET_REVISION("GET", "/api/buildings/{id}/revisions/{revision}"),
    APPLY_CHANGES("POST", "/api/buildings/{id}/changes"),
    GET_HIERARCHY("GET", "/api/buildings/{id}/hierarchy"),
    LIST_FLOORS("GET", "/api/buildings/{id}/floors"),
    RENDER_FLOOR("GET", "/api/buildings/{id}/floors/{floor}/render"),
    GET_TILE("GET", "/api/buildings/{id}/floors/{floor}/tiles/{z}/{x}/{tile}"),
    RUN_CALCULATION("POST", "/api/buildings/{id}/calculations/{calculation}"),
    GET_IMPORT("GET", "/api/imports/{job}"),
    LIST_CALCULATIONS("GET", "/api/calculations"),
    LIST_JOBS("GET", "/api/jobs"),
    GET_JOB("GET", "/api/jobs/{job}"),
    CANCEL_JOB("DELETE", "/api/jobs/{job}"),
    GET_JOB_RESULT("GET", "/api/jobs/{job}/result"),
    LIST_IMPLEMENTATIONS("GET", "/api/implementations"),
    PIN_IMPLEMENTATION("PUT", "/api/implementations/{capability}"),
    UNPIN_IMPLEMENTATION("DELETE", "/api/implementations/{capability}/pin"),
    COMPRESSION_STATUS("GET", "/api/compression"),
    COMPRESS("POST", "/api/compression/compress"),
    DECOMPRESS("POST", "/api/compression/decompress");

    private final String method;
    private final String template;
    private final List<String> segments;

    ApiRoute(String method, String template) {
        this.method = method;
        this.template = template;
        this.segments = List.of(template.substring(1).split("/"));
    }

    String method() {
        return method;
    }

    /** The path template, also the {@code route} label of the request metrics. */
    String template() {
        return template;
    }

    List<String> segments() {
        return segments;
    }
}
