package org.arxos.compress.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.stream.Stream;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.Compressor;
import org.arxos.compress.Algorithm;
import org.arxos.compress.CodecChoice;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.FrameOutputStream;
import org.arxos.compress.Frames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses any content type into a frame with the codec {@link CodecChoice} picks, and decompresses any frame
 * within the configured limits. Ranked below the compressors that know their content, which it backs up.
 * Neither method closes the streams it is given.
 */
@Component(configurationPid = CodecConfiguration.PID,
        property = {"arxos.impl=codec", "service.ranking:Integer=-100"})
@Designate(ocd = CodecConfiguration.class)
public final class CodecCompressor implements Compressor {

    private static final Logger LOG = LoggerFactory.getLogger(CodecCompressor.class);

    private volatile Settings settings;

    @Activate
    public CodecCompressor(CodecConfiguration configuration) {
        this(choiceOf(configuration), limitsOf(configuration));
    }

    public CodecCompressor(CodecChoice choice, FrameLimits limits) {
        this.settings = new Settings(choice, Decoding.of(limits));
    }

    @Modified
    void modified(CodecConfiguration configuration) {
        settings = new Settings(choiceOf(configuration), Decoding.of(limitsOf(configuration)));
    }

    @Override
    public boolean supports(String contentType) {
        return true;
    }

    @Override
    public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
            throws IOException {
        CodecChoice choice = settings.choice();
        // what fits under the small threshold is read whole, so its size decides; anything longer is streamed
        byte[] head = in.readNBytes(choice.smallBelow());
        boolean whole = head.length < choice.smallBelow();
        Encoding encoding = choice.choose(contentType, level, whole ? head.length : -1);
        LOG.debug("compressing {} at {} as {}", contentType, level, encoding);
        FrameOutputStream frame = whole ? new FrameOutputStream(out, encoding, head.length)
                : new FrameOutputStream(out, encoding);
        frame.write(head);
        if (!whole) {
            in.transferTo(frame);
        }
        frame.finish();
    }

    @Override
    public void decompress(InputStream in, OutputStream out) throws IOException {
        Frames.decode(in, out, settings.decoding());
    }

    private static CodecChoice choiceOf(CodecConfiguration c) {
        Encoding fast = Encoding.of(c.fastAlgorithm(), c.fastLevel()).withBlockSize(c.blockSize());
        Encoding balanced = Encoding.of(c.balancedAlgorithm(), c.balancedLevel()).withBlockSize(c.blockSize());
        Encoding max = Encoding.of(c.maxAlgorithm(), c.maxLevel()).withBlockSize(c.maxBlockSizeAtRest());
        return new CodecChoice(fast, balanced, max, Encoding.of(Algorithm.DEFLATE, 9), c.smallBelow(),
                c.storedBelow(), Stream.concat(CodecChoice.COMPRESSED_TYPES.stream(), Stream.of(c.moreStoredTypes()))
                        .toList());
    }

    private static FrameLimits limitsOf(CodecConfiguration c) {
        return new FrameLimits(c.maxOriginalSize(), c.maxExpansionRatio(), c.maxBlockSize());
    }

    private record Settings(CodecChoice choice, Decoding decoding) {
    }
}
