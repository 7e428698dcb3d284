package org.arxos.api.repository;

/** A change set was based on a revision that is no longer the head. */
public class ConcurrentChangeException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final long head;

    public ConcurrentChangeException(String message, long head) {
        super(message);
        this.head = head;
    }

    /** The head revision at the time of the refusal. */
    public long head() {
        return head;
    }
}
