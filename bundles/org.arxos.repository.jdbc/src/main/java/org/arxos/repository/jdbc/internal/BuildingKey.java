package org.arxos.repository.jdbc.internal;

/** A building as the store addresses it: always with its tenant. */
record BuildingKey(String tenant, String id) {

    String describe() {
        return "building '" + id + "' of tenant '" + tenant + "'";
    }
}
