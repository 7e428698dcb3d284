package org.arxos.api.compute;

/** A job was refused because as many jobs wait as the configuration allows; the caller may try again later. */
public class JobQueueFullException extends ComputeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public JobQueueFullException(int limit) {
        super("the calculation job queue is full (" + limit + " jobs wait); try again later");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
