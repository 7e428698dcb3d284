package org.arxos.api.collab;

import java.util.List;

import org.arxos.model.ChangeSet;

/**
 * @param toApply   what to apply to the head (possibly transformed, possibly empty)
 * @param conflicts what was overwritten, dropped or parked, for the users to see
 */
public record Resolution(ChangeSet toApply, List<Conflict> conflicts) {

    public Resolution {
        conflicts = List.copyOf(conflicts);
    }
}
