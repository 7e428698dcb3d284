package org.arxos.api.compute;

/** Work that could not be done: a task threw, timed out or was cancelled; the message says which and why. */
public class ComputeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComputeException(String message) {
        super(message);
    }

    public ComputeException(String message, Throwable cause) {
        super(message, cause);
    }
}
