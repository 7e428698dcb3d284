package org.arxos.api.collab;

import java.util.List;

import org.arxos.model.geometry.Bounds;

/**
 * What a member is looking at.
 *
 * @param selection the ids of the selected objects
 * @param floorId   the floor shown, or {@code null}
 * @param viewport  the part of the floor shown, in model units, or {@code null}
 */
public record Presence(List<String> selection, String floorId, Bounds viewport) {

    public static final Presence NONE = new Presence(List.of(), null, null);

    public Presence {
        selection = List.copyOf(selection);
    }
}
