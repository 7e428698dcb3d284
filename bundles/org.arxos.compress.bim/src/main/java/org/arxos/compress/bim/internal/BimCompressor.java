package org.arxos.compress.bim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.Compressor;
import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.compress.bim.BimCodec;
import org.arxos.compress.bim.BimLimits;
import org.arxos.io.json.BuildingJson;
import org.arxos.model.ChangeRejectedException;
import org.arxos.model.Revision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Compresses a native JSON building document into the BIM form and decompresses it back to native JSON. The round
 * trip keeps the content (the same content hash), not the bytes: the JSON comes back as the exporter writes it,
 * objects depth-first, and with revision number 1, since the import numbers afresh. Every level is lossless;
 * {@link CompressionLevel#LOSSY} compresses as {@link CompressionLevel#MAX}.
 */
@Component(configurationPid = BimCompressorConfiguration.PID,
        property = {"arxos.impl=bim", "service.ranking:Integer=10"})
@Designate(ocd = BimCompressorConfiguration.class)
public final class BimCompressor implements Compressor {

    private final BimCodec codec;
    private final long maxItems;
    private final int maxCompressedBytes;

    @Activate
    public BimCompressor(BimCompressorConfiguration configuration) {
        this(configuration.maxItems(), configuration.maxCompressedMiB() << 20, configuration.maxColumnMiB() << 20);
    }

    public BimCompressor(long maxItems, int maxCompressedBytes, int maxColumnBytes) {
        this.codec = new BimCodec(new BimLimits(maxItems, maxColumnBytes));
        this.maxItems = maxItems;
        this.maxCompressedBytes = maxCompressedBytes;
    }

    @Override
    public boolean supports(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.toLowerCase(Locale.ROOT).equals(BuildingJson.MEDIA_TYPE);
    }

    @Override
    public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
            throws IOException {
        if (!supports(contentType)) {
            throw new IOException("the BIM compressor takes " + BuildingJson.MEDIA_TYPE + ", not " + contentType);
        }
        Revision revision;
        try {
            revision = Revision.EMPTY.apply(BuildingJson.readBuilding(in,
                    new ImportOptions("input", null, "", maxItems)).content());
        } catch (ImportException e) {
            throw new IOException("not a building document: " + e.getMessage(), e);
        } catch (ChangeRejectedException e) {
            throw new IOException("the building document breaks a model rule: " + e.getMessage(), e);
        }
        out.write(codec.encode(revision, level));
        out.flush();
    }

    @Override
    public void decompress(InputStream in, OutputStream out) throws IOException {
        byte[] data = in.readNBytes(maxCompressedBytes);
        if (in.read() >= 0) {
            throw new CompressionLimitException("maxCompressedMiB", "the BIM input is larger than the limit of "
                    + (maxCompressedBytes >> 20) + " MiB");
        }
        BuildingJson.writeBuilding(codec.decode(data), out);
    }
}
