package org.arxos.http.internal;

import java.util.List;
import java.util.Map;

import org.arxos.api.io.BuildingImports;
import org.arxos.api.io.ImportJob;
import org.arxos.api.io.ImportRequest;
import org.arxos.api.io.ImportedBuilding;
import org.arxos.api.io.UnsupportedFormatException;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;

/**
 * {@code POST /api/buildings/import} (at once, or in the background with {@code ?async=true}) and
 * {@code GET /api/imports/{job}}. The import itself (importer choice, progress, create and grant) is the core's
 * {@link BuildingImports}, the same one the Gogo shell uses.
 */
final class ImportEndpoints {

    private final BuildingImports imports;

    ImportEndpoints(BuildingImports imports) {
        this.imports = imports;
    }

    ApiResponse importFile(ApiRequest request, ApiSettings settings) throws Exception {
        Principal principal = request.principal();
        BuildingAccess.requireTenantRole(principal, Role.EDITOR, "importing a building");
        boolean async = flag(request, "async");
        String fileName = request.parameter("name");
        ImportRequest wanted = new ImportRequest(principal.tenant(), principal.user(),
                fileName == null ? BuildingEndpoints.BODY_SOURCE : fileName, request.contentType(),
                request.parameter("id"), request.contentLength(), settings.maxObjects(), null);
        // the media type is checked before the body is read (415 before 413)
        try {
            imports.importerFor(wanted.mediaType(), fileName);
        } catch (UnsupportedFormatException e) {
            throw fileName != null ? e : new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    e.problem() + " (name the file with ?name=<file>)")
                    .with("acceptedMediaTypes", List.copyOf(e.acceptedMediaTypes()))
                    .with("acceptedExtensions", List.copyOf(e.acceptedExtensions()));
        }
        if (!async) {
            ImportedBuilding done = BuildingEndpoints.readLimited(request, settings,
                    in -> imports.importBuilding(wanted, in));
            return ApiResponse.created(request.contextPath() + "/api/buildings/" + done.building().id(), done);
        }
        ImportJob job = BuildingEndpoints.readLimited(request, settings, in -> imports.submit(wanted, in));
        return new ApiResponse.Json(202, job, ApiResponse.headers("Location", location(request, job),
                "Cache-Control", "no-store"));
    }

    ApiResponse job(ApiRequest request, String jobId) {
        ImportJob job = imports.job(request.principal().tenant(), jobId)
                .orElseThrow(() -> ProblemException.notFound("unknown import job '" + jobId + "'"));
        return new ApiResponse.Json(200, job, Map.of("Cache-Control", "no-store"));
    }

    private static String location(ApiRequest request, ImportJob job) {
        return request.contextPath() + "/api/imports/" + job.id();
    }

    /** {@code true}, {@code false}, or absent (false); anything else is 400. */
    static boolean flag(ApiRequest request, String name) {
        String value = request.parameter(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.isEmpty()) {
            return true;
        }
        throw ProblemException.badRequest("parameter '" + name + "' must be true or false but was '" + value + "'");
    }
}
