package org.arxos.collab.lww;

import org.arxos.api.collab.Conflict;
import org.arxos.api.collab.FieldWrite;
import org.arxos.model.BuildingObject;
import org.arxos.model.Change;

/**
 * A write of a field that another client wrote, with another value, after the writing operation's base revision:
 * what a {@link FieldPolicy} decides.
 *
 * @param target   the object as the server holds it before the write
 * @param incoming the field and the value written; the value is {@code null} for a cleared property and for a removal
 * @param change   the change that writes it: a move, rename, geometry or property change, or a
 *                 {@link Change.RemoveObject}, which counts as writing no value to every field written concurrently
 * @param current  the value the server holds, with the author and operation that wrote it
 */
public record ConcurrentWrite(BuildingObject target, FieldWrite incoming, Change change,
        Conflict.AuthoredValue current) {
}
