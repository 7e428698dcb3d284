package org.arxos.compress.delta.internal;

import org.arxos.compress.bim.column.MalformedDataException;
import org.arxos.model.Change;

/** The kinds of change, numbered as the ops column stores them. */
enum ChangeOp {
    ADD_OBJECT,
    REMOVE_OBJECT,
    MOVE_OBJECT,
    SET_PROPERTY,
    CLEAR_PROPERTY,
    SET_GEOMETRY,
    RENAME,
    CONNECT,
    DISCONNECT,
    /** A removal preceded by disconnecting all the object's connections in the base, sorted by id: one op. */
    REMOVE_WITH_CONNECTIONS;

    private static final ChangeOp[] VALUES = values();

    static ChangeOp of(Change change) {
        if (change instanceof Change.AddObject) {
            return ADD_OBJECT;
        } else if (change instanceof Change.RemoveObject) {
            return REMOVE_OBJECT;
        } else if (change instanceof Change.MoveObject) {
            return MOVE_OBJECT;
        } else if (change instanceof Change.SetProperty) {
            return SET_PROPERTY;
        } else if (change instanceof Change.ClearProperty) {
            return CLEAR_PROPERTY;
        } else if (change instanceof Change.SetGeometry) {
            return SET_GEOMETRY;
        } else if (change instanceof Change.Rename) {
            return RENAME;
        } else if (change instanceof Change.Connect) {
            return CONNECT;
        } else if (change instanceof Change.Disconnect) {
            return DISCONNECT;
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    static ChangeOp ofCode(int code) {
        if (code >= VALUES.length) {
            throw new MalformedDataException("the ops column has an unknown op " + code);
        }
        return VALUES[code];
    }
}
