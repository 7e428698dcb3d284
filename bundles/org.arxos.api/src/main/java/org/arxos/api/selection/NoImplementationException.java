package org.arxos.api.selection;

/** No implementation of a capability is running. */
public class NoImplementationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoImplementationException(String message) {
        super(message);
    }
}
