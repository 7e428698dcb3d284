package org.arxos.api.collab;

import java.util.List;

import org.arxos.api.security.Role;
import org.arxos.model.Revision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The server's replica of one building under one policy. The session host calls it from one thread at a time, in the
 * order operations reach the server (the server order), and broadcasts what each {@link Resolution} says.
 */
@ConsumerType
public interface ServerReplica {

    /**
     * Resolves and applies one operation. Never throws for an operation that breaks the model's rules or clashes with
     * concurrent ones: the resolution lists what was refused and why.
     *
     * @throws IllegalArgumentException naming the problem for an operation the replica cannot take at all (its
     *                                  base revision is in the future, its client sequence was seen already)
     */
    Resolution submit(Operation operation);

    /**
     * Resolves one operation whose author has {@code role} on the building: what the session host calls. Policies
     * that decide by role (rules) override it; the others ignore the role, which the host has checked to be at least
     * {@link Role#EDITOR}.
     */
    default Resolution submit(Operation operation, Role role) {
        return submit(operation);
    }

    /**
     * Conflicts parked for a person to decide, oldest first ({@link Conflict.Outcome#PARKED}); a later operation that
     * writes the field having seen the conflict decides it. Empty for policies that never park.
     */
    default List<Conflict> parked() {
        return List.of();
    }

    /** The building as the server holds it now; its number counts the operations submitted since the snapshot. */
    Revision head();
}
