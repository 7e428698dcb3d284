package org.arxos.compress.delta;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Decoding;
import org.arxos.compress.bim.BimCodec;
import org.arxos.compress.bim.BimLimits;
import org.arxos.compress.bim.column.ByteSink;
import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.bim.column.ColumnFrame;
import org.arxos.compress.bim.column.MalformedDataException;
import org.arxos.compress.delta.internal.ChangeDictionary;
import org.arxos.compress.delta.internal.ChangeSetCoding;
import org.arxos.compress.delta.internal.DeltaFormat;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.ChangeSet;
import org.arxos.model.Revision;

/**
 * Deltas between revisions of a building: the change set from the base to the target, in columns coded against the
 * base (ids as numbers in the base's sorted ids, kinds, property names, texts, units and elevations against the
 * base's, an added object against a sibling it copies, a moved footprint against the old one), under zstd. Where no
 * change set expresses the difference (an object changed its type or kind), the delta holds the target whole in the
 * BIM form.
 *
 * <p>A delta starts with {@code AXDL}, a version and its kind, then the base's content hash: decoding against another
 * base fails with a {@link WrongBaseException} before anything is decoded. A change delta then holds the target's
 * content hash and a zstd frame (which checks its content with CRC32C) of the target's number and the columns, coded
 * with a dictionary trained on small change sets; decoding applies the changes and checks the result against the
 * hash, so a damaged delta never yields a wrong revision. Two bases with the same content hash are interchangeable,
 * whatever order their children were added in. Thread safe.
 */
public final class RevisionDeltaCodec {

    private static final int HASH_BYTES = 16;

    private final DeltaLimits limits;
    private final Decoding decoding;
    private final BimCodec snapshots;

    public RevisionDeltaCodec() {
        this(DeltaLimits.DEFAULTS);
    }

    public RevisionDeltaCodec(DeltaLimits limits) {
        this.limits = limits;
        this.decoding = ColumnFrame.decoding(limits.maxDecodedBytes()).withDictionary(ChangeDictionary.bytes());
        this.snapshots = new BimCodec(new BimLimits(limits.maxItems(), limits.maxDecodedBytes()));
    }

    /** The delta that turns {@code base} into {@code target}. */
    public byte[] encode(Revision base, Revision target, CompressionLevel level) {
        ChangeSetCoding coding = new ChangeSetCoding(base);
        Optional<ChangeSet> diff = coding.diff(target);
        if (diff.isPresent() && turnsInto(base, diff.get(), target)) {
            return changes(base, coding, diff.get(), target, level);
        }
        ByteSink out = header(DeltaFormat.SNAPSHOT, base);
        out.write(snapshots.encode(target, level));
        return out.toByteArray();
    }

    /**
     * The delta of a change set made against {@code base}; it decodes to the same changes, in the same order.
     *
     * @throws ChangeRejectedException when the changes do not apply to the base
     */
    public byte[] encode(Revision base, ChangeSet changes, CompressionLevel level) throws ChangeRejectedException {
        Revision target = base.apply(changes);
        return changes(base, new ChangeSetCoding(base), changes, target, level);
    }

    /**
     * The revision the delta makes of {@code base}.
     *
     * @throws WrongBaseException   when the delta was made against another base
     * @throws CorruptDataException when the delta is damaged, or is beyond the limits
     */
    public Revision decode(Revision base, byte[] delta) throws CorruptDataException {
        Decoded decoded = read(base, delta);
        Revision target = decoded.target;
        if (target.number() == decoded.number) {
            return target;
        }
        try {
            return Revision.restore(decoded.number, target.objects(), target.connections());
        } catch (ChangeRejectedException e) {
            throw new IllegalStateException("a revision's own content was refused: " + e.getMessage(), e);
        }
    }

    /**
     * The change set a change delta holds, checked by applying it; empty for a delta that holds its target whole.
     *
     * @throws WrongBaseException   when the delta was made against another base
     * @throws CorruptDataException when the delta is damaged, or is beyond the limits
     */
    public Optional<ChangeSet> decodeChanges(Revision base, byte[] delta) throws CorruptDataException {
        return Optional.ofNullable(read(base, delta).changes);
    }

    private static boolean turnsInto(Revision base, ChangeSet changes, Revision target) {
        try {
            return base.apply(changes).contentHash().equals(target.contentHash());
        } catch (ChangeRejectedException e) {
            return false;
        }
    }

    private byte[] changes(Revision base, ChangeSetCoding coding, ChangeSet changes, Revision target,
            CompressionLevel level) {
        ByteSink out = header(DeltaFormat.CHANGES, base);
        out.write(HexFormat.of().parseHex(target.contentHash()));
        ByteSink payload = new ByteSink();
        payload.writeVarLong(target.number());
        payload.write(coding.write(changes));
        out.write(ColumnFrame.encode(payload.toByteArray(), level, ChangeDictionary.bytes()));
        return out.toByteArray();
    }

    private static ByteSink header(int kind, Revision base) {
        ByteSink out = new ByteSink();
        DeltaFormat.writeHeader(kind, out);
        out.write(HexFormat.of().parseHex(base.contentHash()));
        return out;
    }

    private Decoded read(Revision base, byte[] delta) throws CorruptDataException {
        ByteSource in = new ByteSource("delta header", delta);
        int kind = DeltaFormat.readHeader(in);
        if (kind == DeltaFormat.BINARY) {
            throw new CorruptDataException("this is a binary delta, not a delta between revisions");
        }
        try {
            String baseHash = hash(in);
            if (!baseHash.equals(base.contentHash())) {
                throw new WrongBaseException("content " + baseHash, "content " + base.contentHash());
            }
            if (kind == DeltaFormat.SNAPSHOT) {
                Revision snapshot = snapshots.decode(Arrays.copyOfRange(delta, in.position(), delta.length));
                return new Decoded(null, snapshot, snapshot.number());
            }
            String targetHash = hash(in);
            ByteSource payload = new ByteSource("columns", ColumnFrame.decode(delta, in.position(), decoding));
            long number = payload.readVarLong();
            if (number < 0) {
                throw new MalformedDataException("the target's revision number is negative");
            }
            ChangeSet changes = new ChangeSetCoding(base).read(payload, limits.maxItems());
            return new Decoded(changes, applied(base, changes, targetHash), number);
        } catch (MalformedDataException e) {
            throw new CorruptDataException("not a valid delta: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException("not a valid delta: a decoded value is invalid: " + e.getMessage());
        }
    }

    /** The base with the changes applied, which must have the content the delta was made for. */
    private static Revision applied(Revision base, ChangeSet changes, String targetHash) throws CorruptDataException {
        Revision target;
        try {
            target = base.apply(changes);
        } catch (ChangeRejectedException e) {
            throw new CorruptDataException("the delta's changes do not apply to its base: " + e.getMessage());
        }
        if (!target.contentHash().equals(targetHash)) {
            throw new CorruptDataException("the delta makes content " + target.contentHash() + " but was made for "
                    + targetHash);
        }
        return target;
    }

    private static String hash(ByteSource in) {
        byte[] hash = new byte[HASH_BYTES];
        in.readFully(hash);
        return HexFormat.of().formatHex(hash);
    }

    /**
     * What a delta decodes to.
     *
     * @param changes a change delta's changes, {@code null} for a snapshot delta
     * @param target  the revision the delta makes, checked against its content hash
     * @param number  the number the target had
     */
    private record Decoded(ChangeSet changes, Revision target, long number) {
    }
}
