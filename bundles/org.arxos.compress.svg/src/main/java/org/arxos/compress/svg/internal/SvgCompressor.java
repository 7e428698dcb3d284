package org.arxos.compress.svg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

import org.arxos.api.compress.CompressionLevel;
import org.arxos.api.compress.CompressionLimitException;
import org.arxos.api.compress.Compressor;
import org.arxos.api.compress.CorruptDataException;
import org.arxos.compress.Algorithm;
import org.arxos.compress.Decoding;
import org.arxos.compress.Encoding;
import org.arxos.compress.FrameLimits;
import org.arxos.compress.Frames;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Compresses SVG ({@code image/svg+xml}) better than a general codec can, by knowing what it compresses.
 *
 * <p><b>What decompression returns.</b> Not the original bytes: the <em>minified</em> SVG, which renders the same
 * (Batik draws it pixel for pixel as the original) and holds the same elements, ids, classes, names and texts, so an
 * importer reads the same building from it. What minification drops and rewrites is listed in {@link SvgMinifier}.
 * The LOSSY level also moves coordinates, never more than the configured tolerance ({@link SvgQuantizer}).
 *
 * <p><b>Levels.</b> FAST: minified SVG, repeated text styles merged into classes, in a zstd frame (any frame reader
 * can open it). BALANCED and MAX: the minified document coded as a tree ({@link TreeCodec}), the strongest coder
 * this bundle has, so both use it. LOSSY: rounded and simplified within the tolerance, then tree-coded. The choice
 * was measured: {@code releng/benchmarks} SvgCompressionBenchmark prints every coder on every shared plan.
 *
 * <p><b>Format.</b> FAST: an Arxos frame ({@code org.arxos.compress}) of the SVG, zstd-coded. The other levels: an
 * {@link SvgStream}, which starts with a magic of its own so that no other compressor mistakes it for a frame and
 * returns the coded tree as the SVG. Corrupt or truncated input fails with a {@link CorruptDataException},
 * declared sizes past the limits with a {@link CompressionLimitException}, before memory is spent on them.
 */
@Component(service = Compressor.class, configurationPid = SvgCompressorConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"arxos.impl=svg", "service.ranking:Integer=100"})
@Designate(ocd = SvgCompressorConfiguration.class)
public final class SvgCompressor implements Compressor {

    static final String MEDIA_TYPE = "image/svg+xml";
    private static final int FAST_ZSTD_LEVEL = 3;

    private volatile Settings settings;

    /** What one call works with, swapped whole when the configuration changes. */
    private record Settings(SvgLimits limits, double tolerance, boolean simplify, int maxExpansionRatio) {

        static Settings of(SvgCompressorConfiguration c) {
            if (!(c.tolerance() > 0) || Double.isInfinite(c.tolerance())) {
                throw new IllegalArgumentException("tolerance must be a positive number but was " + c.tolerance());
            }
            if (c.maxExpansionRatio() < 1) {
                throw new IllegalArgumentException("maxExpansionRatio must be at least 1 but was "
                        + c.maxExpansionRatio());
            }
            return new Settings(new SvgLimits(c.maxBytes(), c.maxElements(), c.maxDepth(), c.maxAttributeChars()),
                    c.tolerance(), c.simplifyPaths(), c.maxExpansionRatio());
        }
    }

    @Activate
    public SvgCompressor(SvgCompressorConfiguration configuration) {
        this.settings = Settings.of(configuration);
    }

    @Modified
    void modified(SvgCompressorConfiguration configuration) {
        settings = Settings.of(configuration);
    }

    @Override
    public boolean supports(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * @throws IllegalArgumentException naming the line and column when the input is not well-formed SVG or passes
     *                                  a limit, or when the content type is not SVG
     */
    @Override
    public void compress(InputStream in, OutputStream out, String contentType, CompressionLevel level)
            throws IOException {
        if (!supports(contentType)) {
            throw new IllegalArgumentException("the SVG compressor takes " + MEDIA_TYPE + ", not " + contentType);
        }
        Settings s = settings;
        XmlDocument document = new SvgReader(s.limits()).read(in);
        SvgMinifier.minify(document, level == CompressionLevel.FAST);
        if (level == CompressionLevel.LOSSY) {
            SvgQuantizer.quantize(document, s.tolerance(), s.simplify());
        }
        byte[] svg = SvgWriter.write(document);
        out.write(level == CompressionLevel.FAST
                ? Frames.encode(svg, Encoding.of(Algorithm.ZSTD, FAST_ZSTD_LEVEL))
                : SvgStream.write(svg, TreeCodec.encode(document, s.limits())));
    }

    /**
     * @throws CorruptDataException      when the input is neither a frame nor an SVG stream, or is damaged or cut
     * @throws CompressionLimitException when it declares more than the limits allow
     */
    @Override
    public void decompress(InputStream in, OutputStream out) throws IOException {
        Settings s = settings;
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, s.limits().maxBytes()) + 1);
        if (data.length > s.limits().maxBytes()) {
            throw new CompressionLimitException("maxBytes", "the compressed input is larger than the limit of "
                    + s.limits().maxBytes() + " bytes");
        }
        FrameLimits limits = new FrameLimits(s.limits().maxBytes(), s.maxExpansionRatio(),
                (int) Math.min(Integer.MAX_VALUE - 8, s.limits().maxBytes()));
        Decoding decoding = Decoding.of(limits);
        if (SvgStream.is(data)) {
            out.write(SvgStream.read(data, decoding, s.limits(), s.maxExpansionRatio()));
        } else if (Frames.isFrame(data)) {
            out.write(Frames.decode(data, decoding));
        } else {
            throw new CorruptDataException("not SVG compressor output: it starts neither with AXSV nor with an Arxos"
                    + " frame's magic");
        }
    }
}
