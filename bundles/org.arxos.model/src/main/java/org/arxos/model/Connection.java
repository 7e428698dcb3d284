package org.arxos.model;

/**
 * A directed link between two objects, such as a circuit feeding a light or a duct joining two terminals.
 *
 * @param id         stable id, unique among the building's connections
 * @param fromId     the upstream object (the source side: panel, air handler, riser)
 * @param toId       the downstream object
 * @param kind       what flows: {@code "power"}, {@code "air"}, {@code "water"}, {@code "data"}, ...
 * @param properties typed properties, never {@code null}
 */
public record Connection(String id, String fromId, String toId, String kind, Properties properties) {

    public Connection {
        BuildingObject.requireId(id, "connection id");
        // the messages are built only on failure: a million-object load creates a million connections
        if (!BuildingObject.isValidId(fromId)) {
            BuildingObject.requireId(fromId, "connection '" + id + "' from");
        }
        if (!BuildingObject.isValidId(toId)) {
            BuildingObject.requireId(toId, "connection '" + id + "' to");
        }
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("connection '" + id + "' has no kind");
        }
        if (properties == null) {
            properties = Properties.EMPTY;
        }
    }
}
