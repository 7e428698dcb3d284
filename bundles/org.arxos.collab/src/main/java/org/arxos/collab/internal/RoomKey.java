package org.arxos.collab.internal;

/** A building of a tenant: one room. */
record RoomKey(String tenant, String buildingId) {

    @Override
    public String toString() {
        return tenant + "/" + buildingId;
    }
}
