package org.arxos.collab.lww;

import org.arxos.api.collab.Operation;
import org.arxos.api.security.Role;
import org.arxos.model.Change;
import org.arxos.model.Revision;
import org.arxos.model.Violation;
import org.osgi.annotation.versioning.ConsumerType;

/** Refuses changes that the author's role does not allow, before anything else is decided about them. */
@ConsumerType
@FunctionalInterface
public interface ChangeGuard {

    /** Lets every change through. */
    ChangeGuard NONE = (index, change, operation, role, head) -> null;

    /**
     * @param index     the change's position in the operation
     * @param operation the operation, for its author
     * @param role      the author's role on the building
     * @param head      the building before the operation
     * @return why the change is refused, naming the rule and the role, or {@code null} to let it through
     */
    Violation refuse(int index, Change change, Operation operation, Role role, Revision head);
}
