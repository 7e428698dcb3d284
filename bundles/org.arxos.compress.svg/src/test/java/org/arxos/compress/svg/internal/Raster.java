package org.arxos.compress.svg.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/** Batik's raster of an SVG, as the transcoder draws it for PNG output, kept as pixels. */
final class Raster {

    private Raster() {
    }

    /** The pixels (ARGB, row by row) of the SVG drawn {@code width} pixels wide, its height in proportion. */
    static int[] pixels(byte[] svg, int width) throws TranscoderException {
        BufferedImage[] image = new BufferedImage[1];
        ImageTranscoder transcoder = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int w, int h) {
                return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage img, TranscoderOutput output) {
                image[0] = img;
            }
        };
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) width);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        transcoder.transcode(new TranscoderInput(new ByteArrayInputStream(svg)), null);
        BufferedImage img = image[0];
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
