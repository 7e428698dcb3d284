package org.arxos.collab.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.arxos.api.collab.FieldWrite;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.PropertyValue;
import org.arxos.model.Revision;
import org.arxos.model.Rule;
import org.arxos.model.Violation;

/**
 * What undoes one applied operation: the inverse of each change of its effect, computed against the state just before
 * that change, in reverse order, with the field value each inverted change wrote. An inverse whose field holds another
 * value by the time it is undone was overwritten by someone since and is left alone.
 *
 * @param label    the operation undone, {@code client#sequence}
 * @param inverse  the changes that undo it
 * @param written  for each inverse change, what the operation wrote to the field it restores, or {@code null} for a
 *                 change that writes no single field (add, remove, connect)
 */
record Undoable(String label, List<Change> inverse, List<FieldWrite> written) {

    /** The inverse of {@code effect} applied to {@code before}. */
    static Undoable of(String label, Revision before, ChangeSet effect) {
        List<Change> inverse = new ArrayList<>();
        List<FieldWrite> written = new ArrayList<>();
        Revision state = before;
        List<Change> changes = effect.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Change undo = inverseOf(change, state);
            if (undo != null) {
                inverse.add(undo);
                written.add(FieldWrite.of(change));
            }
            if (i == changes.size() - 1) {
                break; // the state after the last change is not needed, and most operations have one change
            }
            try {
                state = state.apply(new ChangeSet(effect.author(), "", List.of(change)));
            } catch (ChangeRejectedException e) {
                // an effect that holds only as a whole cannot be undone change by change: nothing to undo
                return new Undoable(label, List.of(), List.of());
            }
        }
        Collections.reverse(inverse);
        Collections.reverse(written);
        return new Undoable(label, List.copyOf(inverse), Collections.unmodifiableList(written));
    }

    /**
     * The changes to submit on {@code head}: those whose field still holds what the operation wrote. The others are
     * returned as violations indexed in {@link #inverse()}.
     */
    Selection select(Revision head) {
        List<Change> kept = new ArrayList<>();
        List<Integer> keptIndexes = new ArrayList<>();
        List<Violation> overwritten = new ArrayList<>();
        for (int i = 0; i < inverse.size(); i++) {
            FieldWrite w = written.get(i);
            if (w != null) {
                String now = FieldWrite.current(head.find(w.targetId()).orElse(null), w.field());
                if (!Objects.equals(now, w.value())) {
                    overwritten.add(new Violation(i, w.targetId(), Rule.INVALID_VALUE, "'" + w.targetId() + "' "
                            + w.field() + " was changed by someone else after " + label + ", so it is not undone"));
                    continue;
                }
            }
            kept.add(inverse.get(i));
            keptIndexes.add(i);
        }
        return new Selection(kept, keptIndexes, overwritten);
    }

    /**
     * @param changes   the inverse changes to submit
     * @param indexes   for each of them, its index in {@link Undoable#inverse()}
     * @param overwritten the inverse changes left out, as violations
     */
    record Selection(List<Change> changes, List<Integer> indexes, List<Violation> overwritten) {
    }

    private static Change inverseOf(Change change, Revision state) {
        if (change instanceof Change.AddObject a) {
            return new Change.RemoveObject(a.object().id());
        } else if (change instanceof Change.Connect c) {
            return new Change.Disconnect(c.connection().id());
        } else if (change instanceof Change.Disconnect d) {
            return state.connection(d.connectionId()).map(Change.Connect::new).orElse(null);
        }
        Optional<BuildingObject> found = state.find(change.targetId());
        if (found.isEmpty()) {
            return null;
        }
        BuildingObject old = found.get();
        if (change instanceof Change.RemoveObject) {
            return new Change.AddObject(old);
        } else if (change instanceof Change.MoveObject m) {
            return new Change.MoveObject(m.id(), old.parentId());
        } else if (change instanceof Change.Rename r) {
            return new Change.Rename(r.id(), old.name());
        } else if (change instanceof Change.SetGeometry g) {
            return new Change.SetGeometry(g.id(), old.footprint(), old.elevation());
        } else if (change instanceof Change.SetProperty p) {
            return restore(old, p.id(), p.name());
        } else if (change instanceof Change.ClearProperty p) {
            return old.properties().get(p.name()).map(v -> (Change) new Change.SetProperty(p.id(), p.name(), v))
                    .orElse(null);
        }
        return null;
    }

    private static Change restore(BuildingObject old, String id, String name) {
        Optional<PropertyValue> value = old.properties().get(name);
        return value.isPresent() ? new Change.SetProperty(id, name, value.get()) : new Change.ClearProperty(id, name);
    }
}
