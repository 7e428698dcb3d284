package org.arxos.compress.delta.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.DeltaCompressor;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.compress.bim.column.ByteSource;
import org.arxos.compress.delta.BinaryDeltaCodec;
import org.arxos.compress.delta.DeltaLimits;
import org.arxos.compress.delta.RevisionDeltaCodec;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Deltas between versions of any content: native building documents as the change set between their revisions
 * ({@link RevisionDeltaCodec}), everything else as zstd against the previous version ({@link BinaryDeltaCodec}). A
 * building document comes back with the target's content (the same content hash), written as the JSON exporter
 * writes it, not byte for byte; any other content comes back byte for byte.
 */
@Component(configurationPid = DeltaCodecConfiguration.PID, property = {"arxos.impl=delta", "service.ranking:Integer=0"})
@Designate(ocd = DeltaCodecConfiguration.class)
public final class DeltaCodecCompressor implements DeltaCompressor {

    private final RevisionDeltaCodec revisions;
    private final BinaryDeltaCodec bytes;
    private final long maxItems;
    private final int maxInputBytes;

    @Activate
    public DeltaCodecCompressor(DeltaCodecConfiguration configuration) {
        this(configuration.maxItems(), configuration.maxInputMiB() << 20, configuration.maxDecodedMiB() << 20);
    }

    public DeltaCodecCompressor(long maxItems, int maxInputBytes, int maxDecodedBytes) {
        DeltaLimits limits = new DeltaLimits(maxItems, maxDecodedBytes);
        this.revisions = new RevisionDeltaCodec(limits);
        this.bytes = new BinaryDeltaCodec(limits);
        this.maxItems = maxItems;
        this.maxInputBytes = maxInputBytes;
    }

    /** Every content type: what is not a building document gets a binary delta. */
    @Override
    public boolean supports(String contentType) {
        return contentType != null;
    }

    @Override
    public void compress(InputStream base, InputStream target, OutputStream delta, String contentType,
            CompressionLevel level) throws IOException {
        byte[] baseBytes = read(base, "base");
        byte[] targetBytes = read(target, "target");
        if (isBuildingDocument(contentType)) {
            Revision from = revision(baseBytes, "base", 1);
            delta.write(revisions.encode(from, revision(targetBytes, "target", from.number() + 1), level));
        } else {
            delta.write(bytes.encode(baseBytes, targetBytes, level));
        }
        delta.flush();
    }

    @Override
    public void decompress(InputStream base, InputStream delta, OutputStream target) throws IOException {
        byte[] deltaBytes = read(delta, "delta");
        byte[] baseBytes = read(base, "base");
        if (DeltaFormat.readHeader(new ByteSource("delta header", deltaBytes)) == DeltaFormat.BINARY) {
            target.write(bytes.decode(baseBytes, deltaBytes));
        } else {
            BuildingJson.writeBuilding(revisions.decode(revision(baseBytes, "base", 1), deltaBytes), target);
        }
        target.flush();
    }

    private static boolean isBuildingDocument(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.toLowerCase(Locale.ROOT).equals(BuildingJson.MEDIA_TYPE);
    }

    /** The document's revision, numbered {@code number} (documents number afresh on import). */
    private Revision revision(byte[] json, String what, long number) throws IOException {
        try {
            Revision imported = Revision.EMPTY.apply(BuildingJson.readBuilding(new ByteArrayInputStream(json),
                    new ImportOptions(what, null, "", maxItems)).content());
            return number == imported.number() ? imported
                    : Revision.restore(number, imported.objects(), imported.connections());
        } catch (ImportException e) {
            throw new IOException("the " + what + " is not a building document: " + e.getMessage(), e);
        } catch (ChangeRejectedException e) {
            throw new IOException("the " + what + " breaks a model rule: " + e.getMessage(), e);
        }
    }

    private byte[] read(InputStream in, String what) throws IOException {
        byte[] data = in.readNBytes(maxInputBytes);
        if (in.read() >= 0) {
            throw new CompressionLimitException("maxInputMiB", "the " + what + " is larger than the limit of "
                    + (maxInputBytes >> 20) + " MiB");
        }
        return data;
    }
}
