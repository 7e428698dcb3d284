package org.arxos.compress.svg.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;

import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.Frames;

/**
 * The tree-coded SVG: the magic {@code AXSV}, a format version, then a stored Arxos frame holding the length and
 * CRC32C of the SVG it decodes to and the {@link TreeCodec} stream. The magic comes first, as {@code AXBM} does for
 * the BIM form, so that a plain frame reader (the general codec compressor) refuses this form instead of returning the
 * coded bytes as if they were the SVG. The frame checks the coded bytes; the length and checksum check what the
 * decoder makes of them, so a decompression never returns wrong bytes.
 */
final class SvgStream {

    static final byte[] MAGIC = {'A', 'X', 'S', 'V'};
    static final int VERSION = 1;
    /** Where the frame starts: after the magic and the version. */
    static final int FRAME_OFFSET = MAGIC.length + 1;

    private SvgStream() {
    }

    static boolean is(byte[] data) {
        return data.length >= MAGIC.length && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static byte[] write(byte[] svg, byte[] coded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(coded.length + 16);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.writeBytes(Frames.encode(content(svg, coded), Encoding.of(Algorithm.STORED)));
        return out.toByteArray();
    }

    /** What the frame holds: the SVG's length and checksum, then the coded tree. */
    static byte[] content(byte[] svg, byte[] coded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(coded.length + 16);
        long length = svg.length;
        while (length >= 0x80) {
            out.write((int) (length & 0x7F) | 0x80);
            length >>>= 7;
        }
        out.write((int) length);
        int crc = crc(svg);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(crc >>> shift);
        }
        out.writeBytes(coded);
        return out.toByteArray();
    }

    /**
     * The SVG the stream decodes to.
     *
     * @param decoding the limits the frame is read within
     * @throws CompressionLimitException when the declared length passes {@code maxBytes} or expands more than the
     *                                   ratio allows, before anything is decoded
     * @throws CorruptDataException      when the stream is malformed or decodes to other bytes than it declares
     */
    static byte[] read(byte[] data, Decoding decoding, SvgLimits limits, int maxExpansionRatio) throws IOException {
        if (!is(data)) {
            throw new CorruptDataException("not an Arxos SVG stream: wrong magic");
        }
        if (data.length < FRAME_OFFSET) {
            throw new CorruptDataException("SVG stream truncated in its header");
        }
        int version = data[MAGIC.length] & 0xFF;
        if (version != VERSION) {
            throw new CorruptDataException("unsupported SVG stream version " + version + " (this reader knows "
                    + VERSION + ")");
        }
        return decode(Frames.decode(Arrays.copyOfRange(data, FRAME_OFFSET, data.length), decoding), limits,
                maxExpansionRatio);
    }

    private static byte[] decode(byte[] content, SvgLimits limits, int maxExpansionRatio)
            throws CorruptDataException {
        int at = 0;
        long length = 0;
        for (int shift = 0;; shift += 7) {
            if (at >= content.length || shift > 56) {
                throw new CorruptDataException("SVG stream truncated in its header");
            }
            int b = content[at++] & 0xFF;
            length |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (at + 4 > content.length) {
            throw new CorruptDataException("SVG stream truncated in its header");
        }
        int crc = ((content[at] & 0xFF) << 24) | ((content[at + 1] & 0xFF) << 16) | ((content[at + 2] & 0xFF) << 8)
                | (content[at + 3] & 0xFF);
        at += 4;
        if (length > limits.maxBytes()) {
            throw new CompressionLimitException("maxBytes", "the SVG stream declares " + length
                    + " bytes, more than the limit of " + limits.maxBytes());
        }
        if (length > (long) maxExpansionRatio * content.length) {
            throw new CompressionLimitException("maxExpansionRatio", "the SVG stream declares " + length
                    + " bytes from " + content.length + ", more than " + maxExpansionRatio + " times its size");
        }
        XmlDocument document = TreeCodec.decode(content, at, content.length - at, limits, length);
        byte[] svg = SvgWriter.write(document);
        if (svg.length != length || crc(svg) != crc) {
            throw new CorruptDataException("the SVG stream decodes to other bytes than it declares (length "
                    + svg.length + " for " + length + ", or checksum mismatch)");
        }
        return svg;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
