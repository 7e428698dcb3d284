package org.arxos.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * @param topic      what happened, e.g. {@code building/created}, {@code revision/applied}
 * @param tenant     the tenant of the building
 * @param buildingId the building
 * @param revision   the revision the event is about, or 0
 * @param attributes small string details (author, content hash, ...)
 * @param time       when it happened
 */
public record BuildingEvent(String topic, String tenant, String buildingId, long revision,
        Map<String, String> attributes, Instant time) {

    public static final String BUILDING_CREATED = "building/created";
    public static final String BUILDING_DELETED = "building/deleted";
    public static final String REVISION_APPLIED = "revision/applied";

    public BuildingEvent {
        attributes = Map.copyOf(attributes);
    }
}
