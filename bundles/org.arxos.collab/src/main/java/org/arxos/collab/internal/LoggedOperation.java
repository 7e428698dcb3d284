package org.arxos.collab.internal;

import org.arxos.api.collab.AppliedOperation;
import org.arxos.api.collab.Operation;
import org.arxos.api.security.Role;
import org.arxos.model.ChangeSet;

/**
 * One row of the operation log: an operation as its client submitted it (what every node resolves again, in revision
 * order) with what the resolution made of it.
 *
 * @param revision  its place in the building's order
 * @param submitted the operation as the client sent it
 * @param role      its author's role on the building, which policies that decide by role need
 * @param applied   the revision as sessions receive it
 */
record LoggedOperation(long revision, Operation submitted, Role role, AppliedOperation applied) {

    ChangeSet effect() {
        return applied.effect();
    }
}
