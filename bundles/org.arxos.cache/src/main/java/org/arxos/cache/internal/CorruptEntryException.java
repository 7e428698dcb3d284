package org.arxos.cache.internal;

/** What a tier returned for a key is not a readable entry of that key; the entry is removed and counts as a miss. */
final class CorruptEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
        super(message);
    }

    CorruptEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
