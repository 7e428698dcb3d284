package org.arxos.collab.ot.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arxos.api.collab.FieldWrite;
import org.arxos.api.collab.Operation;
import org.arxos.model.Change;

/**
 * What a list of concurrent operations did, indexed by what an incoming change might collide with: the objects and
 * connections they added and removed, the fields they wrote, the objects they put children or connections on. Later
 * operations override earlier ones.
 */
final class ConcurrentEdits {

    /** A write of one field by one operation, with the value as text. */
    record Write(Operation by, String value) {
    }

    final Map<String, Operation> addedIds = new HashMap<>();
    final Map<String, Operation> removedObjects = new HashMap<>();
    final Map<String, Operation> removedConnections = new HashMap<>();
    /** Object id to the operation that moved or added a child under it, or connected it. */
    final Map<String, Operation> attachedTo = new HashMap<>();
    final Map<String, Write> writes = new HashMap<>();

    ConcurrentEdits(List<Operation> concurrent) {
        for (Operation op : concurrent) {
            for (Change c : op.changes().changes()) {
                record(op, c);
            }
        }
    }

    private void record(Operation op, Change c) {
        if (c instanceof Change.AddObject a) {
            addedIds.put(a.object().id(), op);
            removedObjects.remove(a.object().id());
            attachedTo.put(a.object().parentId(), op);
        } else if (c instanceof Change.RemoveObject r) {
            removedObjects.put(r.id(), op);
        } else if (c instanceof Change.MoveObject m) {
            attachedTo.put(m.newParentId(), op);
            writes.put(key(m.id(), FieldWrite.PARENT), new Write(op, m.newParentId()));
        } else if (c instanceof Change.Connect k) {
            addedIds.put(k.connection().id(), op);
            removedConnections.remove(k.connection().id());
            attachedTo.put(k.connection().fromId(), op);
            attachedTo.put(k.connection().toId(), op);
        } else if (c instanceof Change.Disconnect d) {
            removedConnections.put(d.connectionId(), op);
        } else {
            FieldWrite f = FieldWrite.of(c);
            writes.put(key(f.targetId(), f.field()), new Write(op, f.value()));
        }
    }

    Write write(String id, String field) {
        return writes.get(key(id, field));
    }

    static String key(String id, String field) {
        return id + '\u0000' + field;
    }
}
