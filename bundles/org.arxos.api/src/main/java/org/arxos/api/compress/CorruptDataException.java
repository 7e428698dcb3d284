package org.arxos.api.compress;

import java.io.IOException;

/** Compressed input failed validation (bad frame, checksum mismatch, truncation). */
public class CorruptDataException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptDataException(String message) {
        super(message);
    }
}
