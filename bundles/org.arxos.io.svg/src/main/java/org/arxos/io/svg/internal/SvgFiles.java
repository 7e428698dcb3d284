package org.arxos.io.svg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.arxos.api.io.ImportException;
import org.arxos.api.io.ImportOptions;
import org.arxos.api.io.ImportResult;
import org.arxos.io.svg.SvgLimits;
import org.arxos.io.svg.SvgMapping;
import org.arxos.model.Revision;

/** Chooses the path a file takes: the exact reader for Arxos exports, the Batik mapper for everything else. */
public final class SvgFiles {

    private SvgFiles() {
    }

    public static ImportResult read(InputStream in, ImportOptions options, SvgMapping mapping, SvgLimits limits)
            throws ImportException, IOException {
        String source = options.sourceName() == null || options.sourceName().isEmpty() ? "input" : options.sourceName();
        byte[] content = in.readNBytes((int) Math.min(limits.maxBytes() + 1, Integer.MAX_VALUE - 16));
        if (content.length > limits.maxBytes()) {
            throw new ImportException(source, 0, null, "larger than " + limits.maxBytes()
                    + " bytes (the size limit)");
        }
        SecureXml.Scan scan = SecureXml.scan(content, source, limits);
        if (scan.rootFormat() != null) {
            if (!ArxosSvgWriter.FORMAT.equals(scan.rootFormat())) {
                throw new ImportException(source, scan.line(0), "svg@data-arxos-format", "unknown Arxos SVG format '"
                        + scan.rootFormat() + "': this reader knows " + ArxosSvgWriter.FORMAT);
            }
            return ArxosSvgReader.read(content, options, limits);
        }
        return new PlanReader(content, scan, options, mapping, limits).read();
    }

    public static void write(Revision revision, String objectId, OutputStream out) throws IOException {
        ArxosSvgWriter.write(revision, objectId, out);
    }
}
