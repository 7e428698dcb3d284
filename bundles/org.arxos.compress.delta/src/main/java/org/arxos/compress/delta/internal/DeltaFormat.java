package org.arxos.compress.delta.internal;

import java.util.Arrays;

import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.MalformedDataException;

/** What every delta starts with: the magic {@code AXDL}, a version byte and the kind of delta. */
public final class DeltaFormat {

    /** A change set against the base revision. */
    public static final int CHANGES = 1;
    /** The target revision whole (in the BIM form), where no change set expresses the difference. */
    public static final int SNAPSHOT = 2;
    /** Bytes against the previous bytes. */
    public static final int BINARY = 3;

    private static final byte[] MAGIC = {'A', 'X', 'D', 'L'};
    private static final int VERSION = 1;

    private DeltaFormat() {
    }

    public static void writeHeader(int kind, ByteSink out) {
        out.write(MAGIC);
        out.write(VERSION);
        out.write(kind);
    }

    /** The kind of delta the data holds, after checking magic and version. */
    public static int readHeader(ByteSource in) throws CorruptDataException {
        byte[] magic = new byte[MAGIC.length];
        int version;
        int kind;
        try {
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CorruptDataException("not a delta: it does not start with AXDL");
            }
            version = in.read();
            kind = in.read();
        } catch (MalformedDataException e) {
            throw new CorruptDataException("not a delta: it is shorter than its header");
        }
        if (version != VERSION) {
            throw new CorruptDataException("delta format version " + version + " is not supported; this reads version "
                    + VERSION);
        }
        if (kind < CHANGES || kind > BINARY) {
            throw new CorruptDataException("unknown kind of delta " + kind);
        }
        return kind;
    }
}
