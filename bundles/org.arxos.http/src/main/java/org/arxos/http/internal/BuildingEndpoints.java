package org.arxos.http.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.arxos.api.io.BuildingImports;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.api.repository.BuildingRepository;
import org.arxos.api.repository.BuildingSummary;
import org.arxos.api.security.Principal;
import org.arxos.api.security.Role;
import org.arxos.api.selection.ImplementationSelector;
import org.arxos.generator.GeneratorSettings;
import org.arxos.generator.SyntheticBuilding;
import org.arxos.io.json.BuildingJson;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/buildings} and {@code /api/buildings/{id}}: list, create (native JSON, generate), delete. Created
 * buildings go through {@link BuildingImports#create}, which makes the creator the owner.
 */
final class BuildingEndpoints {

    static final String BODY_SOURCE = "request body";

    /** The body of {@code POST /api/buildings/generate}. */
    record GenerateRequest(Long seed, Integer objects, String id, String name) {
    }

    private final ImplementationSelector selector;
    private final BuildingImports imports;
    private final ObjectMapper mapper;

    BuildingEndpoints(ImplementationSelector selector, BuildingImports imports, ObjectMapper mapper) {
        this.selector = selector;
        this.imports = imports;
        this.mapper = mapper;
    }

    ApiResponse list(ApiRequest request) {
        Principal principal = request.principal();
        List<BuildingSummary> visible = selector.require(BuildingRepository.class).list(principal.tenant()).stream()
                .filter(b -> principal.may(b.id(), Role.VIEWER)).toList();
        return ApiResponse.ok(visible);
    }

    ApiResponse get(ApiRequest request, String buildingId) {
        return ApiResponse.ok(BuildingAccess.require(selector.require(BuildingRepository.class), request.principal(),
                buildingId, Role.VIEWER, "reading"));
    }

    ApiResponse delete(ApiRequest request, String buildingId) {
        BuildingRepository repository = selector.require(BuildingRepository.class);
        Principal principal = request.principal();
        BuildingAccess.require(repository, principal, buildingId, Role.OWNER, "deleting");
        if (!repository.delete(principal.tenant(), buildingId)) {
            throw BuildingAccess.unknownBuilding(buildingId);
        }
        return ApiResponse.noContent();
    }

    ApiResponse create(ApiRequest request, ApiSettings settings) throws Exception {
        Principal principal = request.principal();
        BuildingAccess.requireTenantRole(principal, Role.EDITOR, "creating a building");
        RequestBodies.requireJson(request, Set.of(BuildingJson.MEDIA_TYPE));
        selector.require(BuildingRepository.class); // 503 before the body is read
        ImportOptions options = new ImportOptions(BODY_SOURCE, request.parameter("id"), principal.user(),
                settings.maxObjects());
        ImportResult read = readLimited(request, settings, in -> BuildingJson.readBuilding(in, options));
        BuildingSummary created = imports.create(principal.tenant(), principal.user(), read.content());
        return ApiResponse.created(location(request, created), created);
    }

    ApiResponse generate(ApiRequest request, ApiSettings settings) throws Exception {
        Principal principal = request.principal();
        BuildingAccess.requireTenantRole(principal, Role.EDITOR, "generating a building");
        RequestBodies.requireJson(request, Set.of());
        selector.require(BuildingRepository.class); // 503 before the body is read
        GenerateRequest wanted = readLimited(request, settings, in -> mapper.readValue(in, GenerateRequest.class));
        GeneratorSettings generator = generatorSettings(wanted);
        BuildingSummary created = imports.create(principal.tenant(), principal.user(),
                SyntheticBuilding.generate(generator));
        return ApiResponse.created(location(request, created), created);
    }

    static GeneratorSettings generatorSettings(GenerateRequest wanted) {
        if (wanted == null) {
            throw ProblemException.badRequest("the body must be a JSON object such as {\"objects\":10000,\"id\":\"b1\"}");
        }
        if (wanted.objects() == null) {
            throw ProblemException.badRequest("field 'objects' is required");
        }
        if (wanted.objects() < GeneratorSettings.MIN_OBJECTS || wanted.objects() > GeneratorSettings.MAX_OBJECTS) {
            throw ProblemException.badRequest("objects must be between " + GeneratorSettings.MIN_OBJECTS + " and "
                    + GeneratorSettings.MAX_OBJECTS + " (objects plus connections) but was " + wanted.objects());
        }
        if (wanted.id() == null) {
            throw ProblemException.badRequest("field 'id' is required");
        }
        try {
            return new GeneratorSettings(wanted.seed() == null ? 0 : wanted.seed(), wanted.objects(), wanted.id(),
                    wanted.name());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static String location(ApiRequest request, BuildingSummary building) {
        return request.contextPath() + "/api/buildings/" + building.id();
    }

    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream in) throws Exception;
    }

    /**
     * Reads the body under the size limit. Readers may wrap the limit's exception in their own, so the stream's
     * record of having gone past the limit decides.
     */
    static <T> T readLimited(ApiRequest request, ApiSettings settings, BodyReader<T> reader) throws Exception {
        try (BodyLimitInputStream body = RequestBodies.open(request, settings.maxBodyBytes())) {
            try {
                return reader.read(body);
            } catch (Exception e) {
                if (body.exceeded()) {
                    throw new BodyTooLargeException(body.limit());
                }
                throw e;
            }
        }
    }
}
