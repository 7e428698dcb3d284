package org.arxos.compress.bim;

import java.util.Arrays;
import java.util.HexFormat;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Decoding;
import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.ColumnFrame;
import org.arxos.compress.bim.column.MalformedDataException;
import org.arxos.compress.bim.internal.RevisionReader;
import org.arxos.compress.bim.internal.RevisionWriter;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Revision;

/**
 * Encodes a revision in the BIM form and decodes it back to a revision with the same content hash.
 *
 * <p>The form: the magic {@code AXBM}, a version byte, the revision's content hash (16 bytes), its object and
 * connection counts (varints), then a zstd frame of {@code org.arxos.compress} (which checks its content with CRC32C)
 * holding the revision number and the columns. Decoding checks the counts against the limits before it allocates,
 * and the decoded revision's content hash against the header: damaged data fails with a {@link CorruptDataException},
 * it never yields a different revision. Thread safe.
 */
public final class BimCodec {

    /** The media type of the BIM form. */
    public static final String MEDIA_TYPE = "application/vnd.arxos.building+bim";
    static final byte[] MAGIC = {'A', 'X', 'B', 'M'};
    static final int VERSION = 1;
    private static final int HASH_BYTES = 16;

    private final BimLimits limits;
    private final Decoding decoding;

    public BimCodec() {
        this(BimLimits.DEFAULTS);
    }

    public BimCodec(BimLimits limits) {
        this.limits = limits;
        this.decoding = ColumnFrame.decoding(limits.maxPayloadBytes());
    }

    public byte[] encode(Revision revision, CompressionLevel level) {
        ByteSink columns = new ByteSink(1 << 16);
        columns.writeVarLong(revision.number());
        RevisionWriter.write(revision, columns);
        ByteSink out = new ByteSink(columns.size() / 8 + 64);
        out.write(MAGIC);
        out.write(VERSION);
        out.write(HexFormat.of().parseHex(revision.contentHash()));
        out.writeVarInt(revision.objectCount());
        out.writeVarInt(revision.connectionCount());
        out.write(ColumnFrame.encode(columns.toByteArray(), level));
        return out.toByteArray();
    }

    /** @throws CorruptDataException naming what is wrong when the data is not a BIM revision within the limits */
    public Revision decode(byte[] data) throws CorruptDataException {
        try {
            ByteSource in = new ByteSource("header", data);
            String hash = readHash(in);
            long objects = in.readVarLong();
            long connections = in.readVarLong();
            if (objects < 0 || connections < 0 || objects + connections > limits.maxItems()) {
                throw new CorruptDataException("the data announces " + Long.toUnsignedString(objects) + " objects and "
                        + Long.toUnsignedString(connections) + " connections, more than the limit of "
                        + limits.maxItems() + " items");
            }
            byte[] columns = ColumnFrame.decode(data, in.position(), decoding);
            ByteSource payload = new ByteSource("columns", columns);
            long number = payload.readVarLong();
            if (number < 0) {
                throw new MalformedDataException("the revision number is negative");
            }
            Revision revision = RevisionReader.read(payload, number, (int) objects, (int) connections);
            if (!revision.contentHash().equals(hash)) {
                throw new CorruptDataException("the decoded revision's content hash is " + revision.contentHash()
                        + " but the data was made from content " + hash);
            }
            return revision;
        } catch (MalformedDataException e) {
            throw new CorruptDataException("not a valid BIM revision: " + e.getMessage());
        } catch (ChangeRejectedException e) {
            throw new CorruptDataException("not a valid BIM revision: the decoded content breaks a model rule: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("not a valid BIM revision: a decoded value is invalid: " + e.getMessage());
        }
    }

    /** The content hash the data was made from, read from its header without decoding. */
    public static String contentHash(byte[] data) throws CorruptDataException {
        try {
            return readHash(new ByteSource("header", data));
        } catch (MalformedDataException e) {
            throw new CorruptDataException("not a valid BIM revision: " + e.getMessage());
        }
    }

    private static String readHash(ByteSource in) throws CorruptDataException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CorruptDataException("not a BIM revision: it does not start with AXBM");
        }
        int version = in.read();
        if (version != VERSION) {
            throw new CorruptDataException("BIM format version " + version + " is not supported; this reads version "
                    + VERSION);
        }
        byte[] hash = new byte[HASH_BYTES];
        in.readFully(hash);
        return HexFormat.of().formatHex(hash);
    }
}
