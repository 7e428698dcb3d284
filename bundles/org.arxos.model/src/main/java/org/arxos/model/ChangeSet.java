package org.arxos.model;

import java.util.List;

/**
 * An ordered list of changes applied to a revision as one atomic step: all of them, or none.
 *
 * @param author  who made it (a user name)
 * @param message why, for the history; may be empty
 * @param changes the operations, applied in order
 */
public record ChangeSet(String author, String message, List<Change> changes) {

    public ChangeSet {
        author = author == null ? "" : author;
        message = message == null ? "" : message;
        changes = List.copyOf(changes);
    }

    public static ChangeSet of(String author, String message, Change... changes) {
        return new ChangeSet(author, message, List.of(changes));
    }

    public int size() {
        return changes.size();
    }
}
