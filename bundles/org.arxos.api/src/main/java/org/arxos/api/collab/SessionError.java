package org.arxos.api.collab;

/**
 * Something a client sent that the server could not take; sent to that client only.
 *
 * @param code     what kind of problem, stable for programs
 * @param message  a sentence naming the problem (the field, the object, the limit)
 * @param sequence the client sequence number of the operation concerned, or 0
 */
public record SessionError(Code code, String message, long sequence) {

    public enum Code {
        /** Not readable: bad JSON, a missing or wrong field. */
        MALFORMED,
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** More operations per second than the configured limit. */
        RATE_LIMITED,
        /** The user's role does not allow it. */
        FORBIDDEN,
        /** A sequence seen already, a gap, or a base revision in the future: catch up and resend. */
        OUT_OF_ORDER,
        /** Nothing to undo or redo. */
        NOTHING_TO_UNDO,
        /** The server could not store it; nothing was applied. */
        UNAVAILABLE
    }
}
