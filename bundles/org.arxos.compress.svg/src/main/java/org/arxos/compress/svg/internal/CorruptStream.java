package org.arxos.compress.svg.internal;

import org.arxos.api.compress.CorruptDataException;

/** Decoded data that breaks a limit or the format: carried out of the models, reported as corruption. */
final class CorruptStream extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CorruptStream(String message) {
        super(message);
    }

    CorruptDataException corruption() {
        return new CorruptDataException("corrupt SVG stream: " + getMessage());
    }
}
