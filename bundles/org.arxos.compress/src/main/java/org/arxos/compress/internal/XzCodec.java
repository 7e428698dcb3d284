package org.arxos.compress.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.FinishableWrapperOutputStream;
import org.tukaani.xz.LZMA2InputStream;
import org.tukaani.xz.LZMA2Options;

/**
 * Raw LZMA2. Its dictionary (the window, not the preset) never needs to be larger than the preset and the block
 * together, so both sides size it that way: the encoder saves memory on small blocks, and the decoder's memory is
 * bounded by the block limit whatever the coded bytes say.
 */
final class XzCodec extends StreamCodec {

    private final int level;
    private final byte[] preset;

    XzCodec(int level, byte[] preset) {
        super("xz");
        this.level = level;
        this.preset = preset;
    }

    private int window(int length) {
        long span = (long) length + (preset != null ? preset.length : 0);
        return (int) Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(span, LZMA2Options.DICT_SIZE_MAX));
    }

    @Override
    OutputStream encoder(OutputStream out, int length) throws IOException {
        LZMA2Options options = new LZMA2Options(level);
        options.setDictSize(Math.min(options.getDictSize(), window(length)));
        options.setPresetDict(preset);
        return options.getOutputStream(new FinishableWrapperOutputStream(out), ArrayCache.getDummyCache());
    }

    @Override
    InputStream decoder(InputStream in, int originalLength) {
        return new LZMA2InputStream(in, window(originalLength), preset);
    }
}
