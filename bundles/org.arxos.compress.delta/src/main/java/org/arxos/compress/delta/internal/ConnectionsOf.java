package org.arxos.compress.delta.internal;

import java.util.ArrayList;
import java.util.List;

import org.arxos.model.Connection;
import org.arxos.model.Revision;

/**
 * An object's connections in a revision, sorted by id: the order a removal with its connections disconnects them
 * in, the same for every revision of that content.
 */
final class ConnectionsOf {

    private ConnectionsOf() {
    }

    static List<String> sorted(Revision revision, String objectId) {
        List<String> ids = new ArrayList<>();
        for (Connection c : revision.connectionsOf(objectId)) {
            ids.add(c.id());
        }
        ids.sort(null);
        return ids;
    }
}
