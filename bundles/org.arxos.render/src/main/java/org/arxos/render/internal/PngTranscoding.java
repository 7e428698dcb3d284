package org.arxos.render.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * Rasterises a drawing's SVG with Batik's {@link PNGTranscoder}. Headless Java2D is enough (no window is opened);
 * labels need a font, which fontconfig provides.
 */
final class PngTranscoding {

    static final String MEDIA_TYPE = "image/png";

    private PngTranscoding() {
    }

    static void transcode(byte[] svg, int width, int height, OutputStream out) throws IOException {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) width);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) height);
        // The drawing refers to nothing outside itself; anything that tried would be a fault, not a feature.
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        // Batik finds its XML parser through JAXP, which asks the thread's context class loader first: inside OSGi
        // that loader is whatever the calling thread (an HTTP worker) had, so give it Batik's own while it works.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PNGTranscoder.class.getClassLoader());
        try {
            transcoder.transcode(new TranscoderInput(new ByteArrayInputStream(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IOException("Batik could not draw the PNG: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
