package org.arxos.api.collab;

import org.arxos.model.ChangeSet;

/**
 * One revision of a building as every session receives it.
 *
 * @param revision  the revision number it produced (gap-free per building)
 * @param operation what replicas of the policy apply: the transformed operation (OT) or the operation as sent (CRDT)
 * @param effect    the change set that turned the previous revision into this one: what a client that only mirrors
 *                  the server applies
 */
public record AppliedOperation(long revision, Operation operation, ChangeSet effect) {
}
