package org.arxos.http.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.arxos.api.selection.Capability;
import org.arxos.api.selection.CapabilityStatus;
import org.arxos.api.selection.Implementation;
import org.arxos.api.selection.ImplementationSelector;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /api/implementations}: which implementation serves each capability, and pinning one. */
final class ImplementationEndpoints {

    /** A capability's state with the capability named by its URL id ({@code compute-engine}). */
    record CapabilityDocument(String capability, String serving, String pinned,
            List<Implementation> implementations) {

        static CapabilityDocument of(CapabilityStatus status) {
            return new CapabilityDocument(status.capability().id(), status.serving(), status.pinned(),
                    status.implementations());
        }
    }

    /** The body of {@code PUT /api/implementations/{capability}}. */
    record PinRequest(String pin) {
    }

    private final ImplementationSelector selector;
    private final ObjectMapper mapper;

    ImplementationEndpoints(ImplementationSelector selector, ObjectMapper mapper) {
        this.selector = selector;
        this.mapper = mapper;
    }

    ApiResponse list() {
        return ApiResponse.ok(selector.capabilities().stream().map(CapabilityDocument::of).toList());
    }

    ApiResponse pin(ApiRequest request, String capabilityId, ApiSettings settings) throws Exception {
        BuildingAccess.requireAdministrator(request.principal(), "pinning an implementation");
        Capability capability = capability(capabilityId);
        RequestBodies.requireJson(request, Set.of());
        PinRequest wanted = BuildingEndpoints.readLimited(request, settings,
                in -> mapper.readValue(in, PinRequest.class));
        if (wanted == null || wanted.pin() == null || wanted.pin().isBlank()) {
            throw ProblemException.badRequest("the body must name the implementation to pin, e.g. {\"pin\":\"jdbc\"}");
        }
        selector.pin(capability, wanted.pin().strip());
        return ApiResponse.ok(CapabilityDocument.of(selector.capability(capability)));
    }

    ApiResponse unpin(ApiRequest request, String capabilityId) {
        BuildingAccess.requireAdministrator(request.principal(), "unpinning an implementation");
        Capability capability = capability(capabilityId);
        selector.unpin(capability);
        return ApiResponse.ok(CapabilityDocument.of(selector.capability(capability)));
    }

    private static Capability capability(String id) {
        return Capability.of(id).orElseThrow(() -> ProblemException.notFound("unknown capability '" + id
                + "'; known: " + String.join(", ", Arrays.stream(Capability.values()).map(Capability::id).toList())));
    }
}
