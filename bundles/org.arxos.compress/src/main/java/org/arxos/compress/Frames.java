package org.arxos.compress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import org.arxos.api.compress.CorruptDataException;

/** Whole frames at once, and frames between streams. */
public final class Frames {

    private Frames() {
    }

    /** The frame of {@code original}, which declares its length. */
    public static byte[] encode(byte[] original, Encoding encoding) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(original.length / 2 + 64);
        try (FrameOutputStream out = new FrameOutputStream(frame, encoding, original.length)) {
            out.write(original);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return frame.toByteArray();
    }

    /**
     * The original of a frame that fills {@code frame} exactly.
     *
     * @throws CorruptDataException when the frame fails validation or bytes follow it
     */
    public static byte[] decode(byte[] frame, Decoding decoding) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(frame);
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        decode(in, original, decoding);
        return original.toByteArray();
    }

    /**
     * Writes the whole of {@code in} as one frame to {@code out}, and finishes the frame without closing either.
     *
     * @return the original length
     */
    public static long encode(InputStream in, OutputStream out, Encoding encoding) throws IOException {
        FrameOutputStream frame = new FrameOutputStream(out, encoding);
        long length = in.transferTo(frame);
        frame.finish();
        return length;
    }

    /**
     * Decodes one frame that is the whole of {@code in} into {@code out}, closing neither. Only verified bytes reach
     * {@code out}; when this throws, what was written is a correct prefix of the original, or nothing for a frame of
     * one block.
     *
     * @return the original length
     * @throws CorruptDataException when the frame fails validation or bytes follow it
     */
    public static long decode(InputStream in, OutputStream out, Decoding decoding) throws IOException {
        FrameInputStream frame = new FrameInputStream(in, decoding);
        long length = frame.transferTo(out);
        if (in.read() >= 0) {
            throw new CorruptDataException("bytes follow the frame's end record");
        }
        return length;
    }

    /** Whether {@code head} starts with a frame's magic; at least four bytes are needed to say yes. */
    public static boolean isFrame(byte[] head) {
        return head.length >= FrameFormat.MAGIC.length
                && Arrays.equals(head, 0, FrameFormat.MAGIC.length, FrameFormat.MAGIC, 0, FrameFormat.MAGIC.length);
    }
}
